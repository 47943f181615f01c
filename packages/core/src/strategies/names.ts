import type { StrategyName } from "./idea";

/** The shipped strategies, in report order. */
export const STRATEGY_NAMES = [
  "short_put_spread_index_45d",
  "short_call_spread_index_45d",
  "iron_condor_index_30d",
] as const satisfies readonly StrategyName[];

/** Cash-settled index underlyings the strategies trade. */
export const INDEX_UNDERLYINGS = ["SPX", "XSP", "RUT", "NDX"] as const;

/** One of {@link INDEX_UNDERLYINGS}. */
export type IndexUnderlying = (typeof INDEX_UNDERLYINGS)[number];

/** True when `name` is a shipped strategy. */
export function isStrategyName(name: string): name is StrategyName {
  return (STRATEGY_NAMES as readonly string[]).includes(name);
}

/**
 * Who enters a strategy's ideas: `auto` the scheduled ideas job and by hand, `manual` only by hand
 * (`stratdeck enter`, the phone's Enter button), `paused` nobody.
 */
export const ENTRY_MODES = ["auto", "manual", "paused"] as const;

/** One of {@link ENTRY_MODES}. */
export type EntryMode = (typeof ENTRY_MODES)[number];
