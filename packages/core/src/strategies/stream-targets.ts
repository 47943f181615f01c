import type { OptionChain } from "../market-data/option-chain";
import { MS_PER_YEAR } from "../pricing/black-scholes";
import type { PricingRules, StrategiesConfig, TargetRange } from "./config-types";
import { chooseExpiration } from "./expiration-select";
import { strikeForDelta } from "./lognormal";
import type { IndexUnderlying } from "./names";
import { findStrike, lowerBound } from "./priced-option";

/** One side (right) a strategy sells on an underlying: what its scan quotes. */
export interface StreamSide {
  underlying: IndexUnderlying;
  right: "C" | "P";
  /** Calendar days to expiration. */
  dte: TargetRange;
  /** Absolute delta of the short strike. */
  delta: TargetRange;
  /** Wing width, index points. */
  width: number;
}

/** Every side the enabled strategies scan, with the pricing inputs to place their strikes. */
export interface StreamTargets {
  sides: StreamSide[];
  pricing: PricingRules;
}

/** The sides of every enabled strategy (a condor contributes a put and a call side). */
export function streamTargets(config: StrategiesConfig): StreamTargets {
  const sides: StreamSide[] = [];
  for (const rules of Object.values(config.strategies)) {
    if (!rules?.enabled) continue;
    const rights: Array<"C" | "P"> =
      rules.name === "short_put_spread_index_45d"
        ? ["P"]
        : rules.name === "short_call_spread_index_45d"
          ? ["C"]
          : ["P", "C"];
    for (const underlying of rules.underlyings) {
      const width = rules.width[underlying];
      if (width === undefined) continue;
      for (const right of rights)
        sides.push({ underlying, right, dte: rules.dte, delta: rules.shortDelta, width });
    }
  }
  return { sides, pricing: config.pricing };
}

/** Volatilities bracketing where the target delta can sit (the scan re-aims with live IV). */
const VOL_LOW = 0.14;
const VOL_HIGH = 0.26;
/** Half-width of the streamed delta band around the target (clipped to the rule's bounds). */
const DELTA_BAND = 0.05;
/** Strikes added on each side of the window. */
const PAD = 1;
/** Most strikes per side (dense chains). */
const MAX_PER_SIDE = 24;

/**
 * The streamer symbols one side's scan is most likely to trade: the expiration the scan picks,
 * the strikes whose |delta| can lie within ±0.05 of the target (inside the rule's bounds) for a
 * volatility between 14% and 26%, padded by one strike, and each one's wing `width` further out.
 * The scan quotes anything else it needs over REST. Empty when no expiration qualifies.
 * @param now - ms since epoch; `today` - `YYYY-MM-DD` in New York
 */
export function sideSymbols(
  side: StreamSide,
  pricing: PricingRules,
  chain: OptionChain,
  spot: number,
  today: string,
  now: number,
): string[] {
  const picked = chooseExpiration(chain, side.dte, today, now);
  if (!picked.ok) return [];
  const { expiration, settlesAt } = picked.choice;
  const strikes = expiration.strikes;
  const m = { spot, years: Math.max(1 / 365, (settlesAt - now) / MS_PER_YEAR), ...pricing };
  const near = Math.min(side.delta.max, side.delta.target + DELTA_BAND);
  const far = Math.max(side.delta.min, side.delta.target - DELTA_BAND);
  const ks = [VOL_LOW, VOL_HIGH].flatMap((vol) => [
    strikeForDelta(side.right, near, { ...m, vol }),
    strikeForDelta(side.right, far, { ...m, vol }),
  ]);
  let lo = Math.max(0, lowerBound(strikes, Math.min(...ks)) - PAD);
  let hi = Math.min(strikes.length - 1, lowerBound(strikes, Math.max(...ks)) + PAD);
  if (hi - lo + 1 > MAX_PER_SIDE) {
    const mid = lowerBound(strikes, strikeForDelta(side.right, side.delta.target, { ...m, vol: 0.2 }));
    lo = Math.max(0, mid - MAX_PER_SIDE / 2);
    hi = Math.min(strikes.length - 1, lo + MAX_PER_SIDE - 1);
  }
  const out = side.right === "C" ? 1 : -1;
  const symbol = (i: number): string =>
    side.right === "C" ? strikes[i]!.callStreamer : strikes[i]!.putStreamer;
  const symbols = new Set<string>();
  for (let i = lo; i <= hi; i++) {
    symbols.add(symbol(i));
    const w = findStrike(strikes, strikes[i]!.strike + out * side.width);
    if (w >= 0) symbols.add(symbol(w));
  }
  return [...symbols];
}
