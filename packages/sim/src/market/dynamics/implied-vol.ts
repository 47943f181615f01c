import type { MarketDynamics, UnderlyingDynamics } from "./dynamics-params";

/** Years in 30 calendar days: the tenor of the IV index. */
export const IV_INDEX_YEARS = 30 / 365;

const QUADRATURE_POINTS = 8;

/**
 * Implied volatility of a tenor given the current log-volatility: the square root of the expected
 * variance over [0, T] along the mean-reverting log-vol (diffusion E[σ²(s)] = exp(2m + 2v), plus
 * the jump variance at the expected intensity λ·E[σ(s)]/σ̃, E[σ(s)] = exp(m + v/2); m and v the OU
 * mean and variance), times 1 + the variance risk premium of the tenor ({@link premiumOf}). Upward
 * sloping unless vol is well above its median.
 * @param logVol - current ln σ
 * @param years - tenor, years (floored at one hour)
 * @returns annualised fraction
 */
export function impliedVolForTenor(
  u: UnderlyingDynamics,
  m: MarketDynamics,
  logVol: number,
  years: number,
): number {
  const t = Math.max(years, 1 / (365 * 24));
  const theta = Math.log(u.medianVol);
  const jumpVariance =
    (m.jumpsPerYear / u.medianVol) * u.jumpBeta * u.jumpBeta * (m.jumpMean ** 2 + m.jumpStdDev ** 2);
  let sum = 0;
  for (let i = 0; i < QUADRATURE_POINTS; i++) {
    const s = ((i + 0.5) / QUADRATURE_POINTS) * t;
    const mean = theta + (logVol - theta) * Math.exp(-u.kappa * s);
    const variance = ((u.volOfVol * u.volOfVol) / (2 * u.kappa)) * (1 - Math.exp(-2 * u.kappa * s));
    sum += Math.exp(2 * mean + 2 * variance) + jumpVariance * Math.exp(mean + variance / 2);
  }
  return Math.sqrt(sum / QUADRATURE_POINTS) * (1 + premiumOf(m, t));
}

/**
 * The variance risk premium of a tenor as a fraction of the expected volatility:
 * `impliedPremium` at 30 days, rising with √T by `termPremium` per √(T / 30 days) (longer options
 * carry more premium: the real term structure is in contango most days), never below zero.
 */
export function premiumOf(m: MarketDynamics, years: number): number {
  return Math.max(0, m.impliedPremium + m.termPremium * (Math.sqrt(years / IV_INDEX_YEARS) - 1));
}
