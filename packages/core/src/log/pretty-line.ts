/** Keys of a Powertools log item that a person reading a terminal does not need. */
const HIDDEN_KEYS = new Set(["level", "message", "timestamp", "service", "sampling_rate", "xray_trace_id"]);

/** Longest value shown on a human line, characters; longer ones end with `…`. */
export const PRETTY_VALUE_MAX = 160;

const isPlain = (v: unknown): boolean => v === null || typeof v !== "object";

/** A field's value as text: strings and lists of plain values as they read, objects as JSON. */
function shown(value: unknown): string {
  const text =
    typeof value === "string"
      ? value
      : Array.isArray(value) && value.every(isPlain)
        ? value.map(String).join("; ")
        : JSON.stringify(value);
  const cut = text.length > PRETTY_VALUE_MAX ? `${text.slice(0, PRETTY_VALUE_MAX - 1)}…` : text;
  const quote = isPlain(value) || Array.isArray(value) ? /\s/.test(cut) || cut === "" : false;
  return quote ? `"${cut}"` : cut;
}

/**
 * One short human line for a log item already passed through the secret replacer:
 * `WARN paper.entry.refused strategy=… reason="…"` (level, event, then each field as key=value;
 * the timestamp, service and sampling fields are left out).
 */
export function prettyLine(item: Record<string, unknown>): string {
  const level = typeof item.level === "string" ? item.level : "LOG";
  const fields = Object.entries(item)
    .filter(([k, v]) => !HIDDEN_KEYS.has(k) && v !== undefined)
    .map(([k, v]) => `${k}=${shown(v)}`);
  const event = typeof item.message === "string" ? item.message : JSON.stringify(item.message ?? "");
  return [level.padEnd(5), event, ...fields].join(" ");
}
