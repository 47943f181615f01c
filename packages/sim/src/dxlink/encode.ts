import type { EventRecord } from "./event-source";

/** A JSON value of a FEED_DATA field. */
export type WireValue = number | string | boolean;

/** dxLink JSONDouble: numbers stay numbers, NaN and infinities become strings. */
export function wireValue(v: number | string | boolean | undefined): WireValue {
  if (v === undefined) return "NaN";
  if (typeof v !== "number") return v;
  if (Number.isNaN(v)) return "NaN";
  if (v === Infinity) return "Infinity";
  if (v === -Infinity) return "-Infinity";
  return v;
}

/** Most events per FEED_DATA frame. */
export const MAX_EVENTS_PER_FRAME = 500;

function inFrames<T>(events: readonly EventRecord[], encode: (batch: readonly EventRecord[]) => T): T[] {
  const out: T[] = [];
  for (let i = 0; i < events.length; i += MAX_EVENTS_PER_FRAME) {
    out.push(encode(events.slice(i, i + MAX_EVENTS_PER_FRAME)));
  }
  return out;
}

/**
 * COMPACT payloads of one event type: `[type, [row, row, …]]` with each row the fields in the
 * requested order (unknown fields as "NaN"), split into frames of at most 500 events.
 */
export function compactData(
  type: string,
  fields: readonly string[],
  events: readonly EventRecord[],
): unknown[][] {
  return inFrames(events, (batch) => {
    const values: WireValue[] = [];
    for (const e of batch) for (const f of fields) values.push(f === "eventType" ? type : wireValue(e[f]));
    return [type, values];
  });
}

/**
 * FULL payloads of one event type: objects with `eventType`, `eventSymbol` and the requested
 * fields, split into frames of at most 500 events.
 */
export function fullData(
  type: string,
  fields: readonly string[],
  events: readonly EventRecord[],
): unknown[][] {
  return inFrames(events, (batch) =>
    batch.map((e) => {
      const o: Record<string, WireValue> = { eventType: type, eventSymbol: String(e.eventSymbol) };
      for (const f of fields) o[f] = f === "eventType" ? type : wireValue(e[f]);
      return o;
    }),
  );
}
