import type { OutboundMessage, SubscriptionEntry } from "./messages";

/** Default upper bound of one FEED_SUBSCRIPTION frame, bytes (the official client uses ~8 KiB). */
export const DEFAULT_MAX_SUBSCRIPTION_FRAME_BYTES = 8_192;

/**
 * Splits a subscription change into FEED_SUBSCRIPTION frames of at most `maxFrameBytes` each
 * (large frames get the socket closed with 1009). Order: reset (first frame only), removes, adds.
 */
export function chunkSubscription(
  channel: number,
  change: { reset?: boolean; remove?: readonly SubscriptionEntry[]; add?: readonly SubscriptionEntry[] },
  maxFrameBytes = DEFAULT_MAX_SUBSCRIPTION_FRAME_BYTES,
): Extract<OutboundMessage, { type: "FEED_SUBSCRIPTION" }>[] {
  const overhead = Buffer.byteLength(
    JSON.stringify({ type: "FEED_SUBSCRIPTION", channel, reset: true, remove: [], add: [] }),
  );
  const frames: Extract<OutboundMessage, { type: "FEED_SUBSCRIPTION" }>[] = [];
  let cur: Extract<OutboundMessage, { type: "FEED_SUBSCRIPTION" }> = { type: "FEED_SUBSCRIPTION", channel };
  let size = overhead;
  if (change.reset) cur.reset = true;
  const push = (list: "remove" | "add", e: SubscriptionEntry): void => {
    const entry = { type: e.type, symbol: e.symbol };
    const bytes = Buffer.byteLength(JSON.stringify(entry)) + 1;
    const curHasEntries = (cur.add?.length ?? 0) + (cur.remove?.length ?? 0) > 0;
    if (curHasEntries && size + bytes > maxFrameBytes) {
      frames.push(cur);
      cur = { type: "FEED_SUBSCRIPTION", channel };
      size = overhead;
    }
    (cur[list] ??= []).push(entry);
    size += bytes;
  };
  for (const e of change.remove ?? []) push("remove", e);
  for (const e of change.add ?? []) push("add", e);
  if (cur.reset || (cur.add?.length ?? 0) + (cur.remove?.length ?? 0) > 0) frames.push(cur);
  return frames;
}
