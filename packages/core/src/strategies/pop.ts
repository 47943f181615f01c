import type { LognormalInputs } from "./lognormal";
import { probAbove, probBelow } from "./lognormal";

/** Smallest distance of a POP from 0 or 1: the model never claims certainty. */
const EDGE = 1e-6;

const clampPop = (p: number): number => Math.min(1 - EDGE, Math.max(EDGE, p));

/** Lognormal inputs without the volatility, which is read off the smile at each breakeven. */
export type PopInputs = Omit<LognormalInputs, "vol">;

/**
 * Probability of profit at expiry of a short put spread (credit received):
 * POP = P(S_T > BE) = N(d2), d2 = (ln(S/BE) + (r − q − σ²/2)·T) / (σ·√T), with BE = short strike −
 * credit and σ the IV at BE (interpolated across the put smile). Risk-neutral lognormal model.
 */
export function popShortPut(breakeven: number, volAtBreakeven: number, i: PopInputs): number {
  return clampPop(probAbove(breakeven, { ...i, vol: volAtBreakeven }));
}

/**
 * POP of a short call spread: P(S_T < BE) = N(−d2) with BE = short strike + credit and σ the IV at
 * BE (call smile).
 */
export function popShortCall(breakeven: number, volAtBreakeven: number, i: PopInputs): number {
  return clampPop(probBelow(breakeven, { ...i, vol: volAtBreakeven }));
}

/**
 * POP of an iron condor: P(BE_low < S_T < BE_high) = N(d2(BE_low, σ_low)) − N(d2(BE_high, σ_high)),
 * with BE_low = short put − credit, BE_high = short call + credit, each σ read off its own smile.
 */
export function popIronCondor(
  low: { breakeven: number; vol: number },
  high: { breakeven: number; vol: number },
  i: PopInputs,
): number {
  return clampPop(
    probAbove(low.breakeven, { ...i, vol: low.vol }) - probAbove(high.breakeven, { ...i, vol: high.vol }),
  );
}
