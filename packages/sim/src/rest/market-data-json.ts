import {
  dayStats,
  indexHalfSpread,
  indexOfSettlementSymbol,
  settlementPrints,
  parseOccSymbol,
  rootSpec,
  underlyingSpec,
  yearRange,
  type DayStats,
  type SyntheticMarket,
} from "../market";
import { decOrNull as dec } from "./envelope";

/** The fields every `/market-data` item carries, from a quote and the session statistics. */
function snapshotItem(
  p: { symbol: string; type: string; now: number; bid: number; ask: number; mid: number; size: string },
  s: DayStats,
  dp: number,
): Record<string, unknown> {
  const closed = !Number.isNaN(s.close);
  return {
    symbol: p.symbol,
    "instrument-type": p.type,
    "updated-at": new Date(p.now).toISOString(),
    bid: dec(p.bid, dp),
    "bid-size": p.size,
    ask: dec(p.ask, dp),
    "ask-size": p.size,
    mid: dec(p.mid, dp),
    mark: dec(p.mid, dp),
    last: dec(p.mid, dp),
    open: dec(s.open, dp),
    "day-high-price": dec(s.high, dp),
    "day-low-price": dec(s.low, dp),
    close: dec(closed ? s.close : p.mid, dp),
    "close-price-type": closed ? "Final" : "Regular",
    "prev-close": dec(s.prevClose, dp),
    "prev-close-price-type": "Final",
    "summary-date": s.summaryDate,
    "prev-close-date": s.prevDate,
    "is-trading-halted": false,
    "halt-start-time": -1,
    "halt-end-time": -1,
    volume: "0.0",
  };
}

/** `/market-data` item of an index, or undefined when the simulator does not list it. */
export function indexItem(market: SyntheticMarket, symbol: string, now: number): unknown {
  const settles = indexOfSettlementSymbol(symbol);
  if (settles) return settlementValueItem(market, symbol, settles, now);
  const spec = underlyingSpec(symbol);
  if (!spec) return undefined;
  const spot = market.spotAt(spec.symbol, now);
  const half = indexHalfSpread(spot);
  const stats = dayStats((ms) => market.spotAt(spec.symbol, ms), now);
  const item = snapshotItem(
    { symbol: spec.symbol, type: "Index", now, bid: spot - half, ask: spot + half, mid: spot, size: "0.0" },
    stats,
    2,
  );
  const range = yearRange(spec);
  return {
    ...item,
    "last-mkt": item.last,
    "year-low-price": dec(range.low, 2),
    "year-high-price": dec(range.high, 2),
  };
}

/**
 * `/market-data` item of an official settlement symbol (`SET`, …): the index's SOQ as a Final
 * `close` once the simulated exchange published it, the previous session's as `prev-close`.
 */
function settlementValueItem(market: SyntheticMarket, symbol: string, index: string, now: number): unknown {
  const p = settlementPrints((ms) => market.spotAt(index, ms), index, now);
  const published = !Number.isNaN(p.close);
  return {
    symbol: symbol.toUpperCase(),
    "instrument-type": "Index",
    "updated-at": new Date(now).toISOString(),
    last: dec(published ? p.close : p.prevClose, 2),
    close: dec(p.close, 2),
    "close-price-type": published ? "Final" : "Indicative",
    "prev-close": dec(p.prevClose, 2),
    "prev-close-price-type": "Final",
    "summary-date": p.summaryDate,
    "prev-close-date": p.prevDate,
    "is-trading-halted": false,
  };
}

/** `/market-data` item of an option by OCC symbol, or undefined when unknown or expired. */
export function optionItem(market: SyntheticMarket, occ: string, now: number): unknown {
  const id = parseOccSymbol(occ);
  if (!id || !rootSpec(id.root)) return undefined;
  const q = market.optionQuoteAt(id, now);
  if (!q) return undefined;
  // Options: open, now and the previous close only (pricing every minute of the day is wasted work).
  const stats = dayStats(
    (ms) => market.optionQuoteAt(id, ms)?.mid ?? Number.NaN,
    now,
    Number.POSITIVE_INFINITY,
  );
  return snapshotItem(
    { symbol: occ, type: "Equity Option", now, bid: q.bid, ask: q.ask, mid: q.mid, size: "10.0" },
    stats,
    6,
  );
}
