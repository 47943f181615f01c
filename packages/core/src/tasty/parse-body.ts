import * as z from "zod/mini";
import "../validation/zod-english";
import { TastyApiError, kindForStatus, type TastySubError } from "./tasty-api-error";
import { wireCode as code } from "./wire-fields";

/** Dotted path of a zod issue: `data.items[0].bid`. */
export function issuePath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) out += typeof p === "number" ? `[${p}]` : out === "" ? String(p) : `.${String(p)}`;
  return out || "(body)";
}

function snippet(text: string): string {
  const t = text.replace(/\s+/g, " ").trim();
  return JSON.stringify(t.length > 60 ? `${t.slice(0, 60)}…` : t);
}

/**
 * Parses a response body with a zod schema. A body that is not JSON, or not the shape, becomes a
 * `malformed` TastyApiError naming the endpoint and the first offending field — never a crash.
 */
export function parseBody<S extends z.core.$ZodType>(schema: S, text: string, endpoint: string): z.output<S> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new TastyApiError({
      kind: "malformed",
      endpoint,
      field: "(body)",
      message: `response body is not JSON (starts ${snippet(text)})`,
    });
  }
  const r = z.safeParse(schema, json);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const field = issuePath(issue?.path ?? []);
  throw new TastyApiError({
    kind: "malformed",
    endpoint,
    field,
    message: `unexpected response shape at ${field}: ${issue?.message ?? "invalid"}`,
  });
}

const subErrorSchema = z.object({
  code,
  message: z.optional(z.string()),
  domain: z.optional(z.string()),
  reason: z.optional(z.string()),
});

const errorEnvelope = z.object({
  error: z.object({
    code,
    message: z.optional(z.string()),
    errors: z.optional(z.nullable(z.array(subErrorSchema))),
  }),
});

/**
 * Turns a non-2xx response into a TastyApiError: the envelope `{"error":{code,message,errors}}`
 * when present, otherwise the status and a short body excerpt.
 */
export function errorFromResponse(status: number, text: string, endpoint: string): TastyApiError {
  let parsed: z.infer<typeof errorEnvelope> | undefined;
  try {
    const r = errorEnvelope.safeParse(JSON.parse(text));
    if (r.success) parsed = r.data;
  } catch {
    parsed = undefined;
  }
  const subErrors: TastySubError[] = parsed?.error.errors ?? [];
  const detail = subErrors
    .map((e) => e.message ?? (e.domain ? `${e.domain}: ${e.reason ?? ""}` : e.code))
    .filter(Boolean)
    .join("; ");
  const message = parsed
    ? `HTTP ${status} ${parsed.error.code ?? ""}: ${parsed.error.message ?? "error"}${detail ? ` (${detail})` : ""}`
    : `HTTP ${status}${text.trim() ? `, body ${snippet(text)}` : ""}`;
  return new TastyApiError({
    kind: kindForStatus(status),
    endpoint,
    status,
    message: message.replace(/ +:/, ":"),
    ...(parsed?.error.code ? { code: parsed.error.code } : {}),
    subErrors,
  });
}
