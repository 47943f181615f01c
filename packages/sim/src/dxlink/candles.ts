import { hashString, parseStreamerSymbol, underlyingSpec, type SyntheticMarket } from "../market";
import type { CandleSymbol } from "./candle-period";
import type { EventRecord } from "./event-source";

/** Indexed-event flags of the snapshot protocol. */
export const SNAPSHOT_BEGIN = 0x04;
export const SNAPSHOT_END = 0x08;
/** Most candles sent as history for one subscription (the most recent ones). */
export const MAX_HISTORY_CANDLES = 1000;

const SAMPLES_PER_CANDLE = 60;
const MINUTE_MS = 60_000;

/** A price series of a candle symbol's instrument: the index level or the option mid. */
export function priceSeries(market: SyntheticMarket, base: string): ((ms: number) => number) | undefined {
  if (underlyingSpec(base) && base === base.toUpperCase()) return (ms) => market.spotAt(base, ms);
  const id = parseStreamerSymbol(base);
  if (id && market.optionQuoteAt(id, market.clock.now()))
    return (ms) => market.optionQuoteAt(id, ms)?.mid ?? NaN;
  return undefined;
}

/**
 * The candle of the bucket starting at `start`, built from samples up to `min(bucket end, now)`
 * (whole minutes for buckets of a minute or more, so the walk is cheap to sample).
 */
export function candleAt(
  symbol: string,
  c: CandleSymbol,
  start: number,
  now: number,
  priceAt: (ms: number) => number,
  impVolatility: number,
): EventRecord {
  const end = Math.min(c.next(start), now);
  const span = Math.max(0, end - start);
  const raw = Math.max(1000, span / SAMPLES_PER_CANDLE);
  const step = raw >= MINUTE_MS ? Math.floor(raw / MINUTE_MS) * MINUTE_MS : Math.ceil(raw / 1000) * 1000;
  const open = priceAt(start);
  let high = open;
  let low = open;
  let count = 1;
  for (let t = start + step; t < end; t += step) {
    const p = priceAt(t);
    if (p > high) high = p;
    if (p < low) low = p;
    count += 1;
  }
  const close = priceAt(end);
  high = Math.max(high, close);
  low = Math.min(low, close);
  const volume = underlyingSpec(symbol.split("{")[0] ?? "") ? 0 : hashString(`${symbol}${start}`) % 500;
  return {
    eventType: "Candle",
    eventSymbol: symbol,
    eventTime: 0,
    eventFlags: 0,
    index: Math.floor(start / 1000) * 4_294_967_296 + (start % 1000) * 4_194_304,
    time: start,
    sequence: 0,
    count,
    open,
    high,
    low,
    close,
    volume,
    // dxLink AsyncAPI spec (dxFeed/dxLink asyncapi.yml, CandleEvent): the field is `VWAP`; a
    // lower-case `vwap` (as tastyware's Python SDK requests) is an unknown field and comes back NaN.
    VWAP: (high + low + close) / 3,
    bidVolume: NaN,
    askVolume: NaN,
    impVolatility,
    openInterest: NaN,
  };
}

/**
 * History of a candle subscription from `fromTime` to now, newest first (dxFeed order), the first
 * flagged SNAPSHOT_BEGIN and the last SNAPSHOT_END; capped at the most recent 1000 candles.
 */
export function candleHistory(
  symbol: string,
  c: CandleSymbol,
  fromTime: number,
  now: number,
  priceAt: (ms: number) => number,
  impVolatility: number,
): EventRecord[] {
  const starts: number[] = [];
  const current = c.startOf(now);
  const earliest = c.startOf(Math.max(0, now - (MAX_HISTORY_CANDLES + 1) * (c.next(current) - current)));
  let s = Math.max(earliest, c.startOf(Math.min(Math.max(0, fromTime), now)));
  while (s <= now) {
    starts.push(s);
    if (starts.length > MAX_HISTORY_CANDLES) starts.shift();
    s = c.next(s);
  }
  const out = starts.reverse().map((start) => candleAt(symbol, c, start, now, priceAt, impVolatility));
  const first = out[0];
  const last = out[out.length - 1];
  if (first) first.eventFlags = Number(first.eventFlags) | SNAPSHOT_BEGIN;
  if (last) last.eventFlags = Number(last.eventFlags) | SNAPSHOT_END;
  return out;
}
