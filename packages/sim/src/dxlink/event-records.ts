import { daysBetween } from "@stratdeck/core/time";
import { nyDateOf, type DayStats, type SyntheticMarket } from "../market";

/** One event as a field → value record (numbers may be NaN; the encoder writes them as strings). */
export type EventRecord = Record<string, number | string | boolean>;

/** What the per-kind event builders need: the market and cached session statistics. */
export interface EventContext {
  market: SyntheticMarket;
  /** Session statistics of a price series, cached per symbol and minute. */
  statsOf(symbol: string, now: number, priceAt: (ms: number) => number, stepMs?: number): DayStats;
}

/** dxFeed day id: days since 1970-01-01 of the New York date. */
export const dayId = (ms: number): number => daysBetween("1970-01-01", nyDateOf(ms));

/** A Profile event: trading normally, with the given 52-week range (NaN when unknown). */
export function profile(symbol: string, description: string, high52: number, low52: number): EventRecord {
  return {
    eventType: "Profile",
    eventSymbol: symbol,
    eventTime: 0,
    description,
    shortSaleRestriction: "UNDEFINED",
    tradingStatus: "ACTIVE",
    statusReason: "",
    haltStartTime: 0,
    haltEndTime: 0,
    highLimitPrice: NaN,
    lowLimitPrice: NaN,
    high52WeekPrice: high52,
    low52WeekPrice: low52,
    beta: NaN,
    earningsPerShare: NaN,
    dividendFrequency: NaN,
    exDividendAmount: NaN,
    exDividendDayId: 0,
    shares: NaN,
    freeFloat: NaN,
  };
}

/** The header of a time-series event (Greeks, TheoPrice, Underlying): one event per symbol, stamped `now`. */
export function timeSeries(eventType: string, eventSymbol: string, now: number): EventRecord {
  return { eventType, eventSymbol, eventTime: 0, eventFlags: 0, index: 0, sequence: 0, time: now };
}

/** A Quote event with both sides stamped `now` on one exchange; prices USD per share (index points). */
export function quote(
  symbol: string,
  now: number,
  exchangeCode: string,
  bid: { price: number; size: number },
  ask: { price: number; size: number },
): EventRecord {
  return {
    eventType: "Quote",
    eventSymbol: symbol,
    eventTime: 0,
    sequence: 0,
    timeNanoPart: 0,
    bidTime: now,
    bidExchangeCode: exchangeCode,
    bidPrice: bid.price,
    bidSize: bid.size,
    askTime: now,
    askExchangeCode: exchangeCode,
    askPrice: ask.price,
    askSize: ask.size,
  };
}

/** A Trade event stamped `now` on one exchange; price USD per share (index points). */
export function trade(
  symbol: string,
  now: number,
  exchangeCode: string,
  t: { price: number; change: number; size: number; dayVolume: number },
): EventRecord {
  return {
    eventType: "Trade",
    eventSymbol: symbol,
    eventTime: 0,
    timeNanoPart: 0,
    sequence: 0,
    time: now,
    exchangeCode,
    ...t,
    dayId: dayId(now),
    dayTurnover: NaN,
    tickDirection: "UNDEFINED",
    extendedTradingHours: false,
  };
}

export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

export function summary(e: EventRecord, s: DayStats, openInterest: number): EventRecord {
  const prevId = daysBetween("1970-01-01", s.prevDate);
  return {
    ...e,
    dayId: daysBetween("1970-01-01", s.summaryDate),
    dayOpenPrice: s.open,
    dayHighPrice: s.high,
    dayLowPrice: s.low,
    dayClosePrice: s.close,
    dayClosePriceType: Number.isNaN(s.close) ? "REGULAR" : "FINAL",
    prevDayId: prevId,
    prevDayClosePrice: s.prevClose,
    prevDayClosePriceType: "FINAL",
    prevDayVolume: NaN,
    openInterest,
  };
}
