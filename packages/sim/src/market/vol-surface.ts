/** Years in 30 calendar days: the tenor of the IV index. */
export const YEARS_30D = 30 / 365;

/** Sensitivity of the IV index to the underlying's log return (vol rises when the index falls). */
const SPOT_VOL_BETA = 3;
/** Put skew per standardised log-moneyness unit. */
const SKEW = 0.16;
/** Smile curvature per squared standardised log-moneyness unit. */
const CURVATURE = 0.025;
/** Standardised moneyness beyond which the smile stays flat. */
const Z_CAP = 6;

/**
 * The 30-day ATM implied volatility (the IV index) given how far the underlying moved from its
 * reference level: vol rises as the index falls (and a little the other way), clamped to a sane band.
 * @param base - IV index at the reference level, annualised fraction
 * @param logReturn - ln(spot / reference level)
 */
export function ivIndexAt(base: number, logReturn: number, ivLow: number, ivHigh: number): number {
  const v = base * Math.exp(-SPOT_VOL_BETA * logReturn);
  return Math.min(ivHigh * 1.6, Math.max(ivLow * 0.8, v));
}

/** ATM implied volatility for a tenor: mild contango around the 30-day IV index. */
export function atmVol(ivIndex: number, years: number): number {
  const t = Math.max(years, 1 / (365 * 24));
  return ivIndex * Math.min(1.25, 0.92 + 0.08 * Math.sqrt(t / YEARS_30D));
}

/** Standardised log-moneyness ln(K/F) / (σ_atm √T), capped. */
export function standardMoneyness(strike: number, forward: number, atm: number, years: number): number {
  const t = Math.max(years, 1 / (365 * 24));
  const z = Math.log(strike / forward) / (atm * Math.sqrt(t));
  return Math.max(-Z_CAP, Math.min(Z_CAP, z));
}

/**
 * Implied volatility of a strike: ATM vol times a skewed smile in standardised moneyness.
 * @param skew - put skew per standardised log-moneyness unit (default 0.16)
 */
export function smileVol(atm: number, z: number, skew: number = SKEW): number {
  return Math.max(0.35 * atm, atm * (1 - skew * z + CURVATURE * z * z));
}
