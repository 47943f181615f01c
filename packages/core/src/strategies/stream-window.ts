import type { StrategiesConfig } from "./config-types";
import { INDEX_UNDERLYINGS, type IndexUnderlying } from "./names";
import { streamTargets, type StreamTargets } from "./stream-targets";

/** What the stream task must subscribe so every enabled strategy can be priced from the stream. */
export interface StreamWindow {
  /** Underlyings of every enabled strategy, in canonical order. */
  underlyings: IndexUnderlying[];
  /** Smallest `dte.min` of the enabled strategies, calendar days. */
  minDte: number;
  /** Largest `dte.max` of the enabled strategies, calendar days. */
  maxDte: number;
  /**
   * The sides the strategies scan (strike windows placed from their delta and DTE rules). When
   * present the stream subscribes exactly these strikes; absent = a band around spot.
   */
  targets?: StreamTargets;
}

/** The union of the enabled strategies' underlyings and DTE windows (empty when none is enabled). */
export function streamWindow(config: StrategiesConfig): StreamWindow {
  const wanted = new Set<IndexUnderlying>();
  let minDte = Infinity;
  let maxDte = -Infinity;
  for (const rules of Object.values(config.strategies)) {
    if (!rules?.enabled) continue;
    for (const u of rules.underlyings) wanted.add(u);
    minDte = Math.min(minDte, rules.dte.min);
    maxDte = Math.max(maxDte, rules.dte.max);
  }
  if (wanted.size === 0) return { underlyings: [], minDte: 0, maxDte: 0 };
  return {
    underlyings: INDEX_UNDERLYINGS.filter((u) => wanted.has(u)),
    minDte,
    maxDte,
    targets: streamTargets(config),
  };
}
