import type { OptionChain } from "@stratdeck/core/market-data";
import type { StampedOptionQuote } from "../market/dynamics/dynamic-market";

/**
 * What the backtest reads the market through: prices as of an instant, each stamped with when it
 * was printed (never after the instant asked). The seeded {@link DynamicMarket} and a replayed
 * recording both implement it.
 */
export interface BacktestMarket {
  /** Underlyings with prices. */
  underlyings(): string[];
  /** Index points at or before `ms`; NaN when unknown. */
  spotAt(underlying: string, ms: number): number;
  /** When the {@link spotAt} value was printed, ms since epoch (≤ `ms`). */
  stampAt(underlying: string, ms: number): number;
  /** 30-day IV index, annualised fraction (undefined when unknown). */
  ivIndexAt(underlying: string, ms: number): number | undefined;
  /** IV rank, fraction 0..1 (undefined when unknown). */
  ivRankAt(underlying: string, ms: number): number | undefined;
  /** An option's quote in force at `ms` by streamer symbol, stamped (≤ `ms`); null when unknown. */
  optionQuoteOf(streamerSymbol: string, ms: number): StampedOptionQuote | null;
  /** The option chain listed at `ms`; absent = the simulator's listing around the spot. */
  chainAt?(underlying: string, ms: number): OptionChain;
}
