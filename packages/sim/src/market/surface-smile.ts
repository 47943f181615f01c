import { normCdf } from "@stratdeck/core/pricing";

/**
 * The calibrated skew and smile of an index's implied-volatility surface, shared by every market
 * that prices options from an ATM level (the synthetic backtest market and the replay of real
 * history). Strikes are placed in standardised log-moneyness z = ln(K/F) / (σ_atm √T); a strike's
 * IV is σ_atm × (1 − s·z + c·z²), with the curvature c different on the put side (z < 0) and the
 * call side (z > 0), floored at a fraction of ATM and flat beyond |z| = `zCap`.
 *
 * Real target: the 30-day 25-delta risk reversal (25Δ put IV − 25Δ call IV) of SPX options is about
 * 0.35–0.40 × ATM IV in ordinary markets (Cboe SKEW-era option data; the issue-26 table), with the
 * call wing flattening (10Δ call IV ≈ 0.8–0.9 × ATM) and the put wing rising (10Δ put ≈ 1.5–1.7 × ATM),
 * and the VIX formula over the whole smile about 1.14 × ATM (SPX 30-day ATM IV ≈ 0.875 × VIX).
 */
export interface SmileModel {
  /** Skew s per standardised log-moneyness unit at the reference IV. */
  skew: number;
  /** IV index at which the skew equals `skew`, annualised fraction. */
  referenceIv: number;
  /** Elasticity of s to the IV index level: s = skew × (IV / referenceIv)^elasticity. */
  elasticity: number;
  /** Curvature c for puts (z < 0), per squared z unit. */
  putCurvature: number;
  /** Curvature c for calls (z > 0), per squared z unit. */
  callCurvature: number;
  /** Lowest IV as a fraction of ATM IV. */
  floor: number;
  /** |z| beyond which the smile stays flat. */
  zCap: number;
}

/** The smile at one IV level: what {@link smileVolOf} needs. */
export interface SmileShape {
  skew: number;
  putCurvature: number;
  callCurvature: number;
  floor: number;
  zCap: number;
}

/**
 * The smile calibrated to SPX (tests/unit/sim/surface-smile.test.ts checks the 25Δ risk reversal
 * lands in 0.35–0.40 × ATM at the reference IV and stays in a plausible band from 10 % to 40 % IV).
 */
export const CALIBRATED_SMILE: SmileModel = {
  skew: 0.27,
  referenceIv: 0.17,
  elasticity: 0.2,
  putCurvature: 0.045,
  callCurvature: 0.1,
  floor: 0.5,
  // Flat beyond 3 standardised units (puts ≈ 2.2 × ATM there, calls ≈ 1.1 ×): the quadratic wings
  // carried on to 6 put 4.2 × ATM on the far puts and made the VIX formula over this smile read
  // 1.6–1.9 × ATM, against ≈ 1.14 for real SPX (ATM ≈ 0.875 × VIX); at 3 it reads 1.2–1.3.
  zCap: 3,
};

/** The smile at an IV-index level (annualised fraction). */
export function smileAt(model: SmileModel, ivIndex: number): SmileShape {
  const level = Math.max(0.01, ivIndex) / model.referenceIv;
  return {
    skew: model.skew * Math.pow(level, model.elasticity),
    putCurvature: model.putCurvature,
    callCurvature: model.callCurvature,
    floor: model.floor,
    zCap: model.zCap,
  };
}

/** Standardised log-moneyness ln(K/F) / (σ_atm √T), uncapped; T floored at one hour. */
export function moneynessZ(strike: number, forward: number, atm: number, years: number): number {
  const t = Math.max(years, 1 / (365 * 24));
  return Math.log(strike / forward) / (atm * Math.sqrt(t));
}

/** IV of a strike at standardised moneyness `z` on a smile, annualised fraction. */
export function smileVolOf(atm: number, z: number, shape: SmileShape): number {
  const zc = Math.max(-shape.zCap, Math.min(shape.zCap, z));
  const c = zc < 0 ? shape.putCurvature : shape.callCurvature;
  return Math.max(shape.floor * atm, atm * (1 - shape.skew * zc + c * zc * zc));
}

/** Black-Scholes delta (forward, undiscounted) of a strike at standardised moneyness z on a smile. */
function deltaAt(z: number, atm: number, years: number, shape: SmileShape, right: "P" | "C"): number {
  const sqrtT = Math.sqrt(years);
  const vol = smileVolOf(atm, z, shape);
  const d1 = (-z * atm * sqrtT) / (vol * sqrtT) + (vol * sqrtT) / 2;
  return right === "C" ? normCdf(d1) : normCdf(d1) - 1;
}

/** The z whose |delta| is `target` on one side (bisection; call deltas fall with z, puts rise). */
function zForDelta(target: number, atm: number, years: number, shape: SmileShape, right: "P" | "C"): number {
  let lo = -shape.zCap;
  let hi = shape.zCap;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    const d = Math.abs(deltaAt(mid, atm, years, shape, right));
    // |delta| of a call falls as z rises; |delta| of a put rises as z rises.
    if (right === "C" ? d > target : d < target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * The 25-delta risk reversal as a fraction of ATM IV: (IV of the 25Δ put − IV of the 25Δ call) / ATM.
 * @param atm - ATM IV of the tenor, annualised fraction
 * @param years - tenor, years
 */
export function riskReversal25Ratio(atm: number, years: number, shape: SmileShape): number {
  const put = smileVolOf(atm, zForDelta(0.25, atm, years, shape, "P"), shape);
  const call = smileVolOf(atm, zForDelta(0.25, atm, years, shape, "C"), shape);
  return (put - call) / atm;
}
