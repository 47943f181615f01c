import type { FeeSchedule } from "../ledger/fee-model";
import type { ExitRules } from "../ledger/paper-settings";
import type { FillModel } from "../pricing/fill-model";
import type { StrategyName } from "./idea";
import type { EntryMode, IndexUnderlying } from "./names";

/** A target with inclusive bounds. */
export interface TargetRange {
  target: number;
  min: number;
  max: number;
}

/** Filter thresholds (fractions); `null` = filter off. */
export interface FilterRules {
  /** Minimum credit / width. */
  minCreditPerWidth: number | null;
  /** Minimum probability of profit at expiry. */
  minPop: number | null;
  /** Minimum IV rank (an unknown IV rank fails the filter). */
  minIvr: number | null;
}

/** One strategy's effective rules (`defaults` deep-merged with the strategy's own keys). */
export interface StrategyRules {
  name: StrategyName;
  enabled: boolean;
  underlyings: IndexUnderlying[];
  /** Calendar days to expiration. */
  dte: TargetRange;
  /** Wing width per underlying, index points. */
  width: Partial<Record<IndexUnderlying, number>>;
  /** Absolute delta of the short strike(s), fraction. */
  shortDelta: TargetRange;
  filters: FilterRules;
  /** Spreads per idea. */
  quantity: number;
  /**
   * Who enters this strategy's ideas (file key `entry`): `auto` the scheduled ideas job and the
   * Enter button (default), `manual` only the Enter button / `stratdeck enter`, `paused` nobody.
   * The phone can override it (stored in the status store, see `entry/entry-mode`).
   */
  entryMode?: EntryMode;
  /** When an open position of this strategy is flagged for exit (file `exits:`; defaults 0.5 / 21 / 2). */
  exits: ExitRules;
}

/** How idea credits are priced (passed to `fillSpread`). */
export interface FillRules {
  model: FillModel;
  /** Share of the bid/ask spread given up by the conservative model (default 0.3). */
  concession?: number;
  /**
   * Oldest usable quote, milliseconds. `max_quote_age_ms: null` in the file means "the stream's
   * snapshot max age" (`snapshotMaxAgeMs`), filled in by the wiring from the deployed cadence.
   */
  maxQuoteAgeMs: number;
  /** True when {@link maxQuoteAgeMs} follows the stream's snapshot max age (file value null). */
  quoteAgeFromStream?: boolean;
  /** Widest usable bid/ask spread of one leg, USD per share. */
  maxSpreadWidth?: number;
  /** Widest usable bid/ask spread of one leg as a fraction of its mid. */
  maxSpreadPctOfMid?: number;
}

/** Inputs of the lognormal model used for deltas and POP. */
export interface PricingRules {
  /** Risk-free rate, continuously compounded annual fraction. */
  rate: number;
  /** Dividend yield of the index, continuously compounded annual fraction. */
  dividendYield: number;
  /**
   * Volatility risk premium of the ideas' real-world figures (file `volatility_risk_premium`):
   * annualised volatility as a fraction subtracted from the IV (0.04 = 4 points). Absent = the
   * default `DEFAULT_VOL_RISK_PREMIUM`.
   */
  volRiskPremium?: number;
}

/** The validated contents of strategies.yaml. */
export interface StrategiesConfig {
  pricing: PricingRules;
  fill: FillRules;
  /** The fee model (the file's `fees:` over tastytrade's schedule). */
  fees: FeeSchedule;
  /** Risk limits from the file's `risk:` (absent keys = the defaults). */
  risk?: RiskRules;
  /** Strategies configured in the file (absent = not run). */
  strategies: Partial<Record<StrategyName, StrategyRules>>;
}

/** Risk limits as configured (absent = the default). */
export interface RiskRules {
  maxOpenPositions?: number;
  maxPerUnderlying?: number;
  maxPerStrategyUnderlying?: number;
  /** Integer cents. */
  maxTotalRiskCents?: number;
  maxEntriesPerSlot?: number;
  /**
   * A position closed by hand (close reason `manual`) blocks automatic re-entry of the same
   * strategy, underlying and expiration (default true).
   */
  blockReentryAfterManualClose?: boolean;
}
