/**
 * Process-wide list of secret values (tokens, client secrets) that loggers scrub from every line,
 * even when they show up inside an error message or under an innocent-looking key.
 */
const secrets = new Set<string>();

/** Registers a secret value so no logger prints it. Short values (< 4 chars) are ignored. */
export function registerSecret(value: string | undefined | null): void {
  if (value && value.length >= 4) secrets.add(value);
}

/** The registered secrets, longest first so overlapping values are scrubbed whole. */
export function knownSecrets(): readonly string[] {
  return [...secrets].sort((a, b) => b.length - a.length);
}
