import type { ServerResponse } from "node:http";

/** A REST failure in tastytrade's error envelope. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors?: ReadonlyArray<{ code?: string; message?: string; domain?: string; reason?: string }>,
  ) {
    super(message);
  }
}

/** A JSON body and its status, before it is written. */
export interface RestReply {
  status: number;
  body: unknown;
}

/** `{data, context}` */
export function dataReply(data: unknown, context: string, status = 200): RestReply {
  return { status, body: { data, context } };
}

/** `{data: {items}, context}` */
export function itemsReply(items: unknown[], context: string): RestReply {
  return { status: 200, body: { data: { items }, context } };
}

/** `{error: {code, message, errors?}}`, or `{data, error}` when the failure carries data (a failed preflight). */
export function errorReply(e: HttpError, data?: unknown): RestReply {
  const error: Record<string, unknown> = { code: e.code, message: e.message };
  if (e.errors) error.errors = e.errors;
  return { status: e.status, body: data === undefined ? { error } : { data, error } };
}

/** Writes a reply as JSON. */
export function writeJson(res: ServerResponse, reply: RestReply): void {
  const text = JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
  });
  res.end(text);
}

/**
 * A decimal as tastytrade serialises it: a string, integers with `.0` (`"5800.0"`), others with
 * binary noise removed (`"0.05"`). Only for values that are always finite (a non-finite one is a
 * simulator bug and throws); use {@link decOrNull} where the value may be unknown.
 */
export function dec(n: number, dp = 6): string {
  if (!Number.isFinite(n)) throw new Error(`non-finite decimal ${n}`);
  const v = Number(n.toFixed(dp));
  return Number.isInteger(v) ? `${v}.0` : String(v);
}

/**
 * A decimal that may be unknown: the string form of {@link dec}, or JSON `null` (the tastyware
 * models type these `Optional[Decimal]`; the string "NaN" is never sent).
 */
export function decOrNull(n: number, dp = 6): string | null {
  return Number.isFinite(n) ? dec(n, dp) : null;
}
