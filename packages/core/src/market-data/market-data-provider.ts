import type { OptionChain } from "./option-chain";

/** Where a price came from, in precedence order. */
export type PriceSource = "stream" | "rest" | "ta-hint";

/** An underlying's price with its provenance. */
export type UnderlyingPrice =
  | {
      /** Price, index points (USD per share). */
      price: number;
      source: PriceSource;
      /** Age of the price at lookup, milliseconds. */
      ageMs: number;
      /** When the price was observed, ms since epoch. */
      asOf: number;
      /** True for a TA hint (last close / last known): advisory only, never traded on. */
      lowConfidence: boolean;
      /** Why earlier sources were skipped (e.g. `stream: stale 12000ms`, `rest: cooldown until …`). */
      skipped: string[];
    }
  | { price: null; source: "none"; skipped: string[] };

/** A quote for one option (or any symbol) with its provenance. */
export interface Quote {
  /** Streamer symbol. */
  symbol: string;
  /** USD per share. */
  bid?: number;
  ask?: number;
  mid?: number;
  last?: number;
  /** Implied volatility, annualised fraction. */
  iv?: number;
  /** Option delta (fraction). */
  delta?: number;
  source: Exclude<PriceSource, "ta-hint">;
  /** When observed, ms since epoch. */
  asOf: number;
  /** Age at lookup, milliseconds. */
  ageMs: number;
}

/** IV rank and friends for an underlying (fractions 0–1). */
export interface MarketMetrics {
  symbol: string;
  /** IV rank, fraction 0–1. */
  ivRank?: number;
  /** IV percentile, fraction 0–1. */
  ivPercentile?: number;
  /** IV index, annualised fraction. */
  ivIndex?: number;
  /** When tastytrade last updated it, ms since epoch. */
  updatedAt?: number;
}

/**
 * The one place that answers "what is the price of X" (streaming snapshot first, then REST unless
 * in cooldown, then a TA hint for underlyings), plus chains and metrics. Strategies, paper entry
 * and positions all read through this port.
 */
export interface MarketDataProvider {
  /** Underlying price by precedence: fresh stream mid → REST mark/mid → TA hint → none. */
  getUnderlyingPrice(symbol: string): Promise<UnderlyingPrice>;
  /**
   * Quotes by streamer symbol (stream first, then REST for the rest unless in cooldown). Symbols
   * with no usable quote are absent from the map.
   */
  getQuotes(streamerSymbols: readonly string[]): Promise<Map<string, Quote>>;
  /** The nested option chain (cached per trading day). */
  getChain(underlying: string): Promise<OptionChain>;
  /** IV rank / percentile; undefined fields when unknown. */
  getMetrics(underlying: string): Promise<MarketMetrics>;
}
