import { createHash, timingSafeEqual } from "node:crypto";

/** The token of an `Authorization: Bearer <token>` header (header name and scheme in any case). */
export function bearerToken(headers: Readonly<Record<string, string | undefined>>): string | null {
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() !== "authorization" || value === undefined) continue;
    const m = /^\s*bearer\s+(\S+)\s*$/i.exec(value);
    return m?.[1] ?? null;
  }
  return null;
}

const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();

/**
 * Compares a presented token with the expected one in constant time: both are hashed to 32 bytes
 * first, so neither the content nor the length of the secret leaks through timing. An empty
 * expected token never matches.
 */
export function tokenMatches(expected: string | undefined, presented: string | null): boolean {
  const ok = timingSafeEqual(digest(expected ?? ""), digest(presented ?? ""));
  return ok && Boolean(expected) && presented !== null;
}

/** True when the request headers carry the expected bearer token. */
export function isAuthorized(
  expected: string | undefined,
  headers: Readonly<Record<string, string | undefined>>,
): boolean {
  return tokenMatches(expected, bearerToken(headers));
}
