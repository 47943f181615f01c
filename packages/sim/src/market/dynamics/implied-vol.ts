import type { MarketDynamics, UnderlyingDynamics } from "./dynamics-params";

/** Years in 30 calendar days: the tenor of the IV index. */
export const IV_INDEX_YEARS = 30 / 365;

const QUADRATURE_POINTS = 8;

/**
 * Implied volatility of a tenor given the current log-volatility: the square root of the expected
 * diffusion variance over [0, T] along the mean-reverting log-vol (E[σ²(s)] = exp(2m(s) + 2v(s)),
 * m and v the OU mean and variance), plus the jump variance, plus the implied premium. Upward
 * sloping when vol is below its median, inverted when above.
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
  let sum = 0;
  for (let i = 0; i < QUADRATURE_POINTS; i++) {
    const s = ((i + 0.5) / QUADRATURE_POINTS) * t;
    const mean = theta + (logVol - theta) * Math.exp(-u.kappa * s);
    const variance = ((u.volOfVol * u.volOfVol) / (2 * u.kappa)) * (1 - Math.exp(-2 * u.kappa * s));
    sum += Math.exp(2 * mean + 2 * variance);
  }
  const jump = m.jumpsPerYear * u.jumpBeta * u.jumpBeta * (m.jumpMean ** 2 + m.jumpStdDev ** 2);
  return Math.sqrt(sum / QUADRATURE_POINTS + jump) + m.impliedPremium;
}
