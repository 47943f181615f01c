/** Text that replaces a redacted value. */
export const REDACTED = "[REDACTED]";

/** Key names (compared case-insensitively, ignoring `-` and `_`) whose values are always secret. */
const SECRET_KEY_PARTS = [
  "token",
  "secret",
  "password",
  "passwd",
  "passphrase",
  "authorization",
  "apikey",
  "credential",
  "cookie",
  "sessiontoken",
];

/** True when a field named `key` holds a secret and must never be printed. */
export function isSecretKey(key: string): boolean {
  const norm = key.toLowerCase().replace(/[-_]/g, "");
  if (norm === "tastypass") return true;
  if (norm === "tokenexpiresat" || norm === "expiresin" || norm.endsWith("count")) return false;
  return SECRET_KEY_PARTS.some((p) => norm.includes(p));
}

const BEARER = /\b(Bearer)\s+[A-Za-z0-9._~+/=-]+/g;

/**
 * Builds a JSON replacer that removes secrets: values of secret-named keys, `Bearer` credentials
 * inside strings, and any literal secret value registered in `knownSecrets` wherever it appears.
 */
export function secretReplacer(
  knownSecrets: () => readonly string[],
): (key: string, value: unknown) => unknown {
  return (key, value) => {
    if (
      key !== "" &&
      isSecretKey(key) &&
      value !== undefined &&
      value !== null &&
      typeof value !== "boolean"
    ) {
      return REDACTED;
    }
    if (typeof value === "string") return scrubString(value, knownSecrets());
    return value;
  };
}

/** Removes bearer credentials and known secret values from free text. */
export function scrubString(text: string, secrets: readonly string[]): string {
  let out = text.replace(BEARER, `$1 ${REDACTED}`);
  for (const s of secrets) {
    if (s.length >= 4 && out.includes(s)) out = out.split(s).join(REDACTED);
  }
  return out;
}
