/** Where a short COMPACT row can be aimed: an open channel and a type it announced. */
export interface MalformedTarget {
  channel: number;
  type: string;
  fields: readonly string[];
}

/**
 * The n-th malformed frame of the rotation: not JSON, JSON with wrong envelope types, a COMPACT
 * row one value short, then an unknown message type.
 */
export function malformedFrame(n: number, target: MalformedTarget | undefined): string {
  switch (n % 4) {
    case 0:
      return '{"type":"FEED_DATA","channel":1,"data":["Quote",[';
    case 1:
      return JSON.stringify({ type: 42, channel: "zero", data: null });
    case 2: {
      const t = target ?? { channel: 1, type: "Quote", fields: ["eventType", "eventSymbol"] };
      const row = t.fields
        .slice(0, Math.max(1, t.fields.length - 1))
        .map((f) => (f === "eventType" ? t.type : "NaN"));
      return JSON.stringify({ type: "FEED_DATA", channel: t.channel, data: [t.type, row] });
    }
    default:
      return JSON.stringify({ type: "SIM_UNKNOWN_MESSAGE", channel: 0, note: "malformed-frame fault" });
  }
}
