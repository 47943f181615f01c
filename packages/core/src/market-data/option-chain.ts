/** Settlement of an index option root: AM (at the open) or PM (at the close). */
export type Settlement = "AM" | "PM";

/** Minimum price increment for option prices below/above a threshold. */
export interface TickSize {
  /** Increment, USD per share. */
  value: number;
  /** Applies to prices strictly below this, USD per share; absent = no upper bound. */
  threshold?: number;
}

/** One strike of an expiration, with both rights' symbols. */
export interface ChainStrike {
  /** Strike, index points. */
  strike: number;
  /** OCC call symbol, e.g. `SPXW  261231C05800000`. */
  callOcc: string;
  /** DXLink call symbol, e.g. `.SPXW261231C5800`. */
  callStreamer: string;
  putOcc: string;
  putStreamer: string;
}

/** One expiration of one root. */
export interface ChainExpiration {
  /** `YYYY-MM-DD`. */
  date: string;
  /** Calendar days to expiration as of the chain's trading day. */
  dte: number;
  settlement: Settlement;
  /** `Regular`, `Weekly`, … as reported by tastytrade. */
  expirationType: string;
  /** Ascending by strike. */
  strikes: ChainStrike[];
}

/** One option root under an underlying (e.g. SPX monthlies, SPXW weeklies). */
export interface ChainRoot {
  root: string;
  /** Shares per contract (100 for index options). */
  sharesPerContract: number;
  /** Ordered from lowest threshold; the last has no threshold. */
  tickSizes: TickSize[];
  /** Ascending by date. */
  expirations: ChainExpiration[];
}

/** An expiration left out of a chain, with why (e.g. a settlement type we do not model). */
export interface SkippedExpiration {
  root: string;
  /** `YYYY-MM-DD`. */
  date: string;
  reason: string;
}

/** The nested option chain of an underlying (every root). */
export interface OptionChain {
  underlying: string;
  roots: ChainRoot[];
  /** Expirations the source listed but the chain leaves out, each with its reason. */
  skipped?: SkippedExpiration[];
  /** When fetched, ms since epoch. */
  fetchedAt: number;
}

/**
 * The one fallback tick table, USD per share: CBOE's index-option rule (0.05 below 3.00, 0.10 from
 * 3.00), used only when a root's own table (the chain's `tick-sizes`) is unknown.
 */
export const DEFAULT_INDEX_TICKS: readonly TickSize[] = [{ value: 0.05, threshold: 3 }, { value: 0.1 }];

/** Tick size that applies to `price` under a root's tick table, USD per share. */
export function tickFor(ticks: readonly TickSize[], price: number): number {
  for (const t of ticks) if (t.threshold === undefined || price < t.threshold) return t.value;
  return ticks[ticks.length - 1]?.value ?? 0.01;
}

/** Rounds a price to the nearest tick (half away from zero), avoiding binary noise. */
export function roundToTick(price: number, tick: number): number {
  const n = Math.round(Math.abs(price) / tick + 1e-9) * tick;
  return Math.sign(price) * Number(n.toFixed(6));
}
