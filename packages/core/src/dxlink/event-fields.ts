/** The DXLink event types StratDeck subscribes. */
export type EventType = "Quote" | "Greeks" | "Summary" | "Trade";

/** Every supported event type, in a fixed order. */
export const EVENT_TYPES: readonly EventType[] = ["Quote", "Greeks", "Summary", "Trade"];

/**
 * The fields requested per event type in FEED_SETUP `acceptEventFields` (COMPACT rows follow this
 * order unless the server's FEED_CONFIG names its own list). Only what a snapshot uses: no
 * `eventType` (the pair names the type, as the Python SDK relies on) and no `eventTime`
 * (tastytrade sends 0; snapshots use the receive time), which keeps frames and decoding small.
 * A server list that does include them is still decoded by name.
 */
export const ACCEPT_EVENT_FIELDS: Readonly<Record<EventType, readonly string[]>> = {
  Quote: ["eventSymbol", "bidPrice", "askPrice", "bidSize", "askSize"],
  Greeks: ["eventSymbol", "price", "volatility", "delta", "gamma", "theta", "rho", "vega"],
  Summary: ["eventSymbol", "prevDayClosePrice"],
  Trade: ["eventSymbol", "price"],
};

/**
 * Numeric slots per event type: the decoder stages each row's numbers at these offsets, so the
 * book applies a row by fixed index instead of by field name.
 */
export const EVENT_SLOTS: Readonly<Record<EventType, readonly string[]>> = {
  Quote: ["eventTime", "bidPrice", "askPrice", "bidSize", "askSize"],
  Greeks: ["eventTime", "price", "volatility", "delta", "gamma", "theta", "rho", "vega"],
  Summary: ["eventTime", "prevDayClosePrice"],
  Trade: ["eventTime", "price"],
};

/** Widest slot list (staging buffers are sized by it). */
export const MAX_SLOTS = Math.max(...Object.values(EVENT_SLOTS).map((s) => s.length));

/** Numeric id of an event type, used on the hot path instead of string compares. */
export const EVENT_TYPE_ID: Readonly<Record<EventType, number>> = {
  Quote: 0,
  Greeks: 1,
  Summary: 2,
  Trade: 3,
};

/** True when `s` names a supported event type. */
export function isEventType(s: string): s is EventType {
  return Object.prototype.hasOwnProperty.call(EVENT_TYPE_ID, s);
}

/** Event types for an underlying (index) symbol. */
export const UNDERLYING_EVENTS: readonly EventType[] = ["Quote", "Trade", "Summary"];

/** Event types for an option symbol. */
export const OPTION_EVENTS: readonly EventType[] = ["Quote", "Greeks"];
