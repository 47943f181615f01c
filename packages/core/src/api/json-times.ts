/** Keys that name an instant: `openedAt`, `asOf`, `quoteTime`, `generatedAt` … */
const INSTANT_KEY = /(?:At|^asOf|Time)$/;
/** Epoch milliseconds from 2001-09-09 to 5138: below this a number is a duration or seconds. */
const MIN_MS = 1e12;
const MAX_MS = 1e14;

/**
 * JSON replacer of every command's `--json` output and every API response: an instant kept as epoch milliseconds
 * (a whole number under a key naming an instant) is written as ISO 8601 with its offset
 * (`2026-12-04T15:00:00.000Z`), so every time in the CLI's JSON reads the same way.
 */
export function isoTimes(key: string, value: unknown): unknown {
  if (
    typeof value === "number" &&
    Number.isInteger(value) &&
    value >= MIN_MS &&
    value < MAX_MS &&
    INSTANT_KEY.test(key)
  )
    return new Date(value).toISOString();
  return value;
}

/** The JSON text of a response or output document, instants as ISO 8601 ({@link isoTimes}). */
export function jsonText(body: unknown): string {
  return JSON.stringify(body, isoTimes);
}
