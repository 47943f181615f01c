/** Event types the simulator serves. */
export const EVENT_TYPES = [
  "Quote",
  "Trade",
  "Summary",
  "Greeks",
  "Profile",
  "Candle",
  "Underlying",
  "TheoPrice",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

const COMMON = ["eventType", "eventSymbol", "eventTime"];
/** Indexed events (Greeks, Candle, …) lead with these after the common fields. */
const INDEXED = [...COMMON, "eventFlags", "index", "time", "sequence"];

/**
 * Default field lists (the dxLink schema order) used when a client names none: announced in
 * FEED_CONFIG before the first COMPACT data of the type.
 */
export const DEFAULT_EVENT_FIELDS: Record<EventType, readonly string[]> = {
  Quote: [
    ...COMMON,
    "sequence",
    "timeNanoPart",
    "bidTime",
    "bidExchangeCode",
    "bidPrice",
    "bidSize",
    "askTime",
    "askExchangeCode",
    "askPrice",
    "askSize",
  ],
  Trade: [
    ...COMMON,
    "time",
    "timeNanoPart",
    "sequence",
    "exchangeCode",
    "price",
    "change",
    "size",
    "dayId",
    "dayVolume",
    "dayTurnover",
    "tickDirection",
    "extendedTradingHours",
  ],
  Summary: [
    ...COMMON,
    "dayId",
    "dayOpenPrice",
    "dayHighPrice",
    "dayLowPrice",
    "dayClosePrice",
    "dayClosePriceType",
    "prevDayId",
    "prevDayClosePrice",
    "prevDayClosePriceType",
    "prevDayVolume",
    "openInterest",
  ],
  Greeks: [...INDEXED, "price", "volatility", "delta", "gamma", "theta", "rho", "vega"],
  Profile: [
    ...COMMON,
    "description",
    "shortSaleRestriction",
    "tradingStatus",
    "statusReason",
    "haltStartTime",
    "haltEndTime",
    "highLimitPrice",
    "lowLimitPrice",
    "high52WeekPrice",
    "low52WeekPrice",
    "beta",
    "earningsPerShare",
    "dividendFrequency",
    "exDividendAmount",
    "exDividendDayId",
    "shares",
    "freeFloat",
  ],
  Candle: [
    ...INDEXED,
    "count",
    "open",
    "high",
    "low",
    "close",
    "volume",
    "VWAP",
    "bidVolume",
    "askVolume",
    "impVolatility",
    "openInterest",
  ],
  Underlying: [
    ...INDEXED,
    "volatility",
    "frontVolatility",
    "backVolatility",
    "callVolume",
    "putVolume",
    "putCallRatio",
  ],
  TheoPrice: [...INDEXED, "price", "underlyingPrice", "delta", "gamma", "dividend", "interest"],
};

/** True for an event type the simulator serves. */
export function isEventType(t: string): t is EventType {
  return (EVENT_TYPES as readonly string[]).includes(t);
}
