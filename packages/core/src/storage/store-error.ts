/** Why a store operation failed. */
export type StoreErrorKind =
  | "throttled"
  | "unavailable"
  | "not-found"
  | "conflict"
  | "invalid"
  /** An item read back does not match its schema (written by another version, or by hand). */
  | "malformed"
  | "unknown";

/**
 * A storage failure that names the table and key it concerns, so a log line or an API error says
 * exactly which record could not be read or written.
 */
export class StoreError extends Error {
  override readonly name = "StoreError";
  constructor(
    readonly kind: StoreErrorKind,
    readonly table: string,
    readonly key: Record<string, unknown> | undefined,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${table}${key ? ` ${JSON.stringify(key)}` : ""}: ${message}`, options);
  }
}

const THROTTLE_NAMES = new Set([
  "ProvisionedThroughputExceededException",
  "ThrottlingException",
  "RequestLimitExceeded",
  "LimitExceededException",
]);

const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENOTFOUND",
]);

/** Classifies an AWS SDK (or network) error into a {@link StoreErrorKind}. */
export function classifyStoreError(err: unknown): StoreErrorKind {
  const e = err as { name?: string; code?: string; $metadata?: { httpStatusCode?: number }; cause?: unknown };
  const name = e?.name ?? "";
  if (THROTTLE_NAMES.has(name)) return "throttled";
  if (name === "ConditionalCheckFailedException") return "conflict";
  if (name === "ResourceNotFoundException") return "not-found";
  if (name === "ValidationException" || name === "SerializationException") return "invalid";
  const code = e?.code ?? (e?.cause as { code?: string } | undefined)?.code;
  if ((code && UNAVAILABLE_CODES.has(code)) || name === "TimeoutError" || name === "AbortError")
    return "unavailable";
  const status = e?.$metadata?.httpStatusCode;
  if (status !== undefined && status >= 500) return "unavailable";
  return "unknown";
}

/** Wraps any error thrown by an adapter call into a {@link StoreError} naming table and key. */
export function toStoreError(err: unknown, table: string, key?: Record<string, unknown>): StoreError {
  if (err instanceof StoreError) return err;
  const kind = classifyStoreError(err);
  const msg = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return new StoreError(kind, table, key, msg, { cause: err });
}
