/**
 * Classes of REST failure. `cooldown` means nothing was sent: the symbol is in a 429 cooldown.
 * `network` is a refused/reset connection; `timeout` an expired request deadline.
 */
export type TastyErrorKind =
  | "auth"
  | "rate-limit"
  | "validation"
  | "not-found"
  | "server"
  | "timeout"
  | "network"
  | "malformed"
  | "cooldown";

/** One sub-error of tastytrade's envelope: `{code, message}` or (validation) `{domain, reason}`. */
export interface TastySubError {
  code?: string;
  message?: string;
  domain?: string;
  reason?: string;
}

/** Fields of a {@link TastyApiError}. */
export interface TastyApiErrorInit {
  kind: TastyErrorKind;
  /** `METHOD /path` of the call, e.g. `GET /market-data/by-type`. */
  endpoint: string;
  message: string;
  /** HTTP status; absent when no response arrived (timeout, network, cooldown). */
  status?: number;
  /** tastytrade's machine code (`error.code`), e.g. `invalid_credentials`. */
  code?: string;
  subErrors?: TastySubError[];
  /** For `malformed`: the dotted path of the offending field (`data.items[0].bid`). */
  field?: string;
  /** For `cooldown` / `rate-limit`: end of the cooldown, ms since epoch. */
  cooldownUntil?: number;
}

/** The one error type every tastytrade REST failure is funnelled into. */
export class TastyApiError extends Error {
  override readonly name = "TastyApiError";
  readonly kind: TastyErrorKind;
  readonly endpoint: string;
  readonly status?: number;
  readonly code?: string;
  readonly subErrors: TastySubError[];
  readonly field?: string;
  readonly cooldownUntil?: number;

  constructor(init: TastyApiErrorInit) {
    super(`${init.endpoint}: ${init.message}`);
    this.kind = init.kind;
    this.endpoint = init.endpoint;
    this.status = init.status;
    this.code = init.code;
    this.subErrors = init.subErrors ?? [];
    this.field = init.field;
    this.cooldownUntil = init.cooldownUntil;
  }

  /** A JSON-safe summary for reports and logs. */
  toJSON(): TastyApiErrorInit {
    return {
      kind: this.kind,
      endpoint: this.endpoint,
      message: this.message,
      ...(this.status !== undefined ? { status: this.status } : {}),
      ...(this.code !== undefined ? { code: this.code } : {}),
      ...(this.subErrors.length > 0 ? { subErrors: this.subErrors } : {}),
      ...(this.field !== undefined ? { field: this.field } : {}),
      ...(this.cooldownUntil !== undefined ? { cooldownUntil: this.cooldownUntil } : {}),
    };
  }
}

/** True when `err` is a TastyApiError, optionally of one of `kinds`. */
export function isTastyApiError(err: unknown, ...kinds: TastyErrorKind[]): err is TastyApiError {
  return err instanceof TastyApiError && (kinds.length === 0 || kinds.includes(err.kind));
}

/** The error kind an HTTP status maps to (tastytrade docs: 400/422 schema, 401/403 auth, …). */
export function kindForStatus(status: number): TastyErrorKind {
  if (status === 401 || status === 403) return "auth";
  if (status === 404) return "not-found";
  if (status === 429) return "rate-limit";
  if (status >= 500) return "server";
  return "validation";
}
