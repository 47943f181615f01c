import type { PriceSource } from "../market-data/market-data-provider";
import type { Settlement } from "../market-data/option-chain";
import type { RealWorldFigures } from "./real-world";

/** Names of the shipped strategies. */
export type StrategyName =
  "short_put_spread_index_45d" | "short_call_spread_index_45d" | "iron_condor_index_30d";

/** One leg of a trade idea, with the quote it was priced from. */
export interface IdeaLeg {
  side: "short" | "long";
  optionType: "C" | "P";
  /** Strike, index points. */
  strike: number;
  /** `YYYY-MM-DD`. */
  expiration: string;
  root: string;
  occSymbol: string;
  streamerSymbol: string;
  /** USD per share. */
  bid?: number;
  ask?: number;
  mid?: number;
  /** Fill-model price of this leg, USD per share. */
  fillPrice?: number;
  /** Option delta (fraction). */
  delta?: number;
  /** Implied volatility, annualised fraction. */
  iv?: number;
  /** Where the quote came from. */
  quoteSource: Exclude<PriceSource, "ta-hint">;
  /** When the quote was observed, ms since epoch. */
  quoteTime: number;
  /** Age of the quote when the idea was built, milliseconds. */
  quoteAgeMs: number;
}

/** The outcome of one filter on one candidate. */
export interface FilterCheck {
  /** e.g. `min_credit_per_width`, `min_pop`, `min_ivr`, `quote_age`, `underlying_price`. */
  filter: string;
  /** Observed value (null when unknown — an unknown value fails the filter). */
  value: number | null;
  /** Threshold from strategies.yaml. */
  threshold: number;
  passed: boolean;
  /** Human sentence, e.g. `credit/width 0.21 < min 0.25`. */
  message: string;
}

/**
 * A candidate trade. `verdict`: `pass` (all filters passed), `advisory` (kept despite failures
 * because strict filters are off, or built on low-confidence data), `rejected` (dropped in strict
 * mode; still reported so the user can see why).
 */
export interface Idea {
  /** Stable id: `strategy|underlying|root|expiration|strikes`, e.g. `…|SPX|SPXW|2026-04-16|5700P/5675P`. */
  id: string;
  strategy: StrategyName;
  underlying: string;
  root: string;
  settlement: Settlement;
  /** `YYYY-MM-DD`. */
  expiration: string;
  dte: number;
  legs: IdeaLeg[];
  /** Net credit of one spread at the fill model's prices, rounded to the root's tick, USD per share. */
  credit: number;
  /** Widest wing, index points. */
  width: number;
  /** credit / width (fraction). */
  creditPerWidth: number;
  /** Max profit per spread, cents (credit × multiplier). */
  maxProfitCents: number;
  /** Max loss per spread, cents, positive. */
  maxLossCents: number;
  /** Breakeven underlying prices, ascending, index points. */
  breakevens: number[];
  /** Probability of profit at expiry, fraction strictly between 0 and 1. */
  pop: number;
  /** IV rank, fraction 0–1 (undefined when unknown). */
  ivRank?: number;
  /** Underlying price used, index points. */
  underlyingPrice: number;
  underlyingSource: PriceSource;
  /** Spreads to trade. */
  quantity: number;
  /** Shares per contract. */
  multiplier: number;
  /** Ranking score (higher is better; formula documented with the scorer). */
  score: number;
  verdict: "pass" | "advisory" | "rejected";
  checks: FilterCheck[];
  /** Human reasons for an advisory or rejected verdict. */
  reasons: string[];
  /**
   * True only for verdict `pass` on live data. False for advisory and rejected ideas and for any idea
   * built on a low-confidence input (TA hint): such ideas never become entries.
   */
  tradable: boolean;
  /** When built, ms since epoch. */
  builtAt: number;
  /** Round-trip fees (open, and close at the current fills), cents. See `ideaEconomics`. */
  feesCents?: number;
  /** Credit of the position after fees, cents. */
  netCreditCents?: number;
  /** Buying-power effect: max loss of the position (defined risk), cents. */
  buyingPowerEffectCents?: number;
  /** netCreditCents / buyingPowerEffectCents, fraction. */
  returnOnRisk?: number;
  /** Short strikes' distance from spot in standard deviations. */
  shortStrikeSd?: { optionType: "C" | "P"; strike: number; sd: number }[];
  /** Model fair value of one spread at the legs' own IVs, USD per share (absent when a leg has no IV). */
  fairValue?: number;
  /**
   * Fill cost vs model, cents: (credit − fair value) × multiplier × quantity, rounded down; the cost
   * of crossing the bid/ask spread, negative by construction. See `ideaEconomics`.
   */
  fillCostCents?: number;
  /**
   * Expected P&L and POP under the stated real-world distribution (IV − the volatility risk premium
   * of strategies.yaml `pricing.volatility_risk_premium`). See `realWorldFigures`.
   */
  realWorld?: RealWorldFigures;
  /**
   * No longer produced (it was the fill cost less fees, read as an expected value); accepted in
   * stored reports written before `fillCostCents`.
   */
  expectedValueCents?: number;
}
