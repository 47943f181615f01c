import { normCdf } from "../pricing/normal";
import type { ExpiryModel } from "./priced-option";

/**
 * Default volatility risk premium, annualised volatility points as a fraction (0.04 = 4 points):
 * the mean of the VIX minus the S&P 500's realised volatility over the next 21 sessions, 1990–2024
 * (4.1 points; the calibration table of `packages/sim/src/market/dynamics/calibration-targets.ts`).
 */
export const DEFAULT_VOL_RISK_PREMIUM = 0.04;

/** The real-world volatility never falls below this share of the implied one (quiet markets). */
const MIN_SHARE_OF_IV = 0.5;

/** One wing of a credit spread: the short and long strike, its breakeven and the IV there. */
export interface RealWorldWing {
  right: "C" | "P";
  /** Short strike, index points. */
  short: number;
  /** Long strike, index points. */
  long: number;
  /** Breakeven at expiry, index points. */
  breakeven: number;
  /** Implied volatility at the breakeven (the risk-neutral POP's σ), annualised fraction. */
  iv: number;
}

/** What an idea is expected to earn under the stated real-world distribution. */
export interface RealWorldFigures {
  /** Volatility risk premium subtracted from the IV, annualised volatility as a fraction (0.04 = 4 points). */
  volRiskPremium: number;
  /** Probability of profit at expiry under the real-world distribution, fraction. */
  pop: number;
  /**
   * Expected P&L held to expiry, cents: (credit − e^(−rT) × expected payoff at expiry) × multiplier,
   * rounded down to the cent, × quantity, less the round-trip fees.
   */
  expectedPnlCents: number;
  /** The distribution in words (shown beside the figures). */
  basis: string;
}

/** Real-world volatility of a wing: IV − premium, never below half the IV. */
export function realWorldVol(iv: number, volRiskPremium: number): number {
  return Math.max(iv - volRiskPremium, iv * MIN_SHARE_OF_IV);
}

/** E[(K − S_T)+] (put) or E[(S_T − K)+] (call) at expiry, undiscounted, lognormal with forward F. */
function expectedPayoff(right: "C" | "P", strike: number, forward: number, sd: number): number {
  const d1 = (Math.log(forward / strike) + (sd * sd) / 2) / sd;
  const d2 = d1 - sd;
  return right === "P"
    ? strike * normCdf(-d2) - forward * normCdf(-d1)
    : forward * normCdf(d1) - strike * normCdf(d2);
}

/** P(S_T > level) for a lognormal with forward F and total standard deviation sd = σ√T. */
function probAboveForward(level: number, forward: number, sd: number): number {
  return normCdf((Math.log(forward / level) - (sd * sd) / 2) / sd);
}

/**
 * EV and POP of a credit spread (one wing) or an iron condor (a put and a call wing) under one
 * stated real-world model: near each wing S_T is lognormal with the risk-neutral drift r − q (no
 * equity risk premium) and volatility σ = IV at that wing's breakeven − `volRiskPremium` (never
 * below half the IV). POP and the expected payoff of a wing come from the same distribution, so a
 * POP and its EV never disagree about the model. Not a forecast: the premium is an assumption.
 * @param credit - net credit of one spread, USD per share
 * @param feesCents - round-trip fees of the position, cents
 * @param volRiskPremium - annualised volatility as a fraction (0.04 = 4 points)
 */
export function realWorldFigures(
  wings: readonly RealWorldWing[],
  trade: { credit: number; multiplier: number; quantity: number; feesCents: number },
  model: ExpiryModel,
  volRiskPremium: number = DEFAULT_VOL_RISK_PREMIUM,
): RealWorldFigures | undefined {
  if (wings.length === 0 || !(model.years > 0) || wings.some((w) => !(w.iv > 0))) return undefined;
  const forward = model.spot * Math.exp((model.rate - model.dividendYield) * model.years);
  let payoff = 0;
  let pop = 1;
  for (const w of wings) {
    const sd = realWorldVol(w.iv, volRiskPremium) * Math.sqrt(model.years);
    payoff += expectedPayoff(w.right, w.short, forward, sd) - expectedPayoff(w.right, w.long, forward, sd);
    const above = probAboveForward(w.breakeven, forward, sd);
    pop -= w.right === "P" ? 1 - above : above;
  }
  const perSpread = trade.credit - Math.exp(-model.rate * model.years) * payoff;
  const points = (volRiskPremium * 100).toFixed(1);
  return {
    volRiskPremium,
    pop: Number(Math.min(0.999999, Math.max(0.000001, pop)).toFixed(6)),
    expectedPnlCents:
      Math.floor(perSpread * trade.multiplier * 100 + 1e-9) * trade.quantity - trade.feesCents,
    basis:
      `real-world model: near each wing the index at expiry is lognormal with drift r − q and ` +
      `volatility = IV at the breakeven − ${points} points (the volatility risk premium, an ` +
      `assumption; never below half the IV); expected P&L held to expiry after round-trip fees`,
  };
}
