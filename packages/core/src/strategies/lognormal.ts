import { normCdf } from "../pricing/normal";

/** Inputs of the lognormal terminal distribution of the underlying. */
export interface LognormalInputs {
  /** Underlying price now, index points. */
  spot: number;
  /** Annualised volatility, fraction. */
  vol: number;
  /** Time to expiry, years (ACT/365). */
  years: number;
  /** Risk-free rate, continuously compounded annual fraction. */
  rate: number;
  /** Dividend yield, continuously compounded annual fraction. */
  dividendYield: number;
}

/**
 * d2 = (ln(S/L) + (r − q − σ²/2)·T) / (σ·√T): the standardised distance of level L from the
 * risk-neutral lognormal median of S_T.
 */
export function d2(level: number, i: LognormalInputs): number {
  return (
    (Math.log(i.spot / level) + (i.rate - i.dividendYield - 0.5 * i.vol * i.vol) * i.years) /
    (i.vol * Math.sqrt(i.years))
  );
}

/** P(S_T > level) = N(d2) under the risk-neutral lognormal model (fraction). */
export function probAbove(level: number, i: LognormalInputs): number {
  return normCdf(d2(level, i));
}

/** P(S_T < level) = N(−d2) under the risk-neutral lognormal model (fraction). */
export function probBelow(level: number, i: LognormalInputs): number {
  return normCdf(-d2(level, i));
}

/**
 * Inverse standard normal CDF (P. J. Acklam's rational approximation, |relative error| < 1.2e-9).
 * @param p - probability in (0, 1)
 */
export function normInv(p: number): number {
  if (!(p > 0 && p < 1)) return p <= 0 ? -Infinity : Infinity;
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const tail = (q: number): number =>
    (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
    ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  if (p < 0.02425) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - 0.02425) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
    (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1)
  );
}

/**
 * The strike whose Black-Scholes delta has absolute value `absDelta` at volatility `i.vol`:
 * call Δ = e^(−qT)·N(d1), put Δ = −e^(−qT)·N(−d1), so d1 = ±N⁻¹(|Δ|·e^(qT)) and
 * K = S·exp(−d1·σ√T + (r − q + σ²/2)·T). Used only to aim the strike window before quotes arrive.
 */
export function strikeForDelta(right: "C" | "P", absDelta: number, i: LognormalInputs): number {
  const p = Math.min(absDelta * Math.exp(i.dividendYield * i.years), 1 - 1e-12);
  const d1 = right === "C" ? normInv(p) : -normInv(p);
  const sd = i.vol * Math.sqrt(i.years);
  return i.spot * Math.exp(-d1 * sd + (i.rate - i.dividendYield + 0.5 * i.vol * i.vol) * i.years);
}
