import { normCdf, normPdf } from "./normal";

/** Call or put. */
export type OptionRight = "C" | "P";

/** Inputs of a European option price (Black-Scholes-Merton with a continuous dividend yield). */
export interface BsInputs {
  right: OptionRight;
  /** Underlying price, USD per share (index points). */
  spot: number;
  /** Strike, USD per share. */
  strike: number;
  /** Time to expiration, years (ACT/365). */
  years: number;
  /** Implied volatility, annualised fraction (0.2 = 20%). */
  vol: number;
  /** Risk-free rate, continuously compounded annual fraction. */
  rate: number;
  /** Dividend yield, continuously compounded annual fraction (default 0). */
  dividendYield?: number;
}

/** Price and greeks of one option. */
export interface BsResult {
  /** Theoretical price, USD per share. */
  price: number;
  /** ∂price/∂spot. */
  delta: number;
  /** ∂²price/∂spot², per USD. */
  gamma: number;
  /** ∂price/∂t, USD per share per calendar day (negative for long options). */
  theta: number;
  /** ∂price/∂vol, USD per share per 1.00 of vol (divide by 100 for one vol point). */
  vega: number;
  /** ∂price/∂rate, USD per share per 1.00 of rate. */
  rho: number;
}

/** Milliseconds in one ACT/365 year. */
export const MS_PER_YEAR = 365 * 86_400_000;

/**
 * European option price and greeks (Black-Scholes-Merton). At or after expiry (years <= 0) or with
 * zero volatility it returns intrinsic value with a step delta and zero time greeks.
 */
export function blackScholes(i: BsInputs): BsResult {
  const q = i.dividendYield ?? 0;
  const sign = i.right === "C" ? 1 : -1;
  if (!(i.years > 0) || !(i.vol > 0)) {
    const fwdIntrinsic = Math.max(0, sign * (i.spot - i.strike));
    return { price: fwdIntrinsic, delta: fwdIntrinsic > 0 ? sign : 0, gamma: 0, theta: 0, vega: 0, rho: 0 };
  }
  const sqrtT = Math.sqrt(i.years);
  const d1 = (Math.log(i.spot / i.strike) + (i.rate - q + 0.5 * i.vol * i.vol) * i.years) / (i.vol * sqrtT);
  const d2 = d1 - i.vol * sqrtT;
  const dfR = Math.exp(-i.rate * i.years);
  const dfQ = Math.exp(-q * i.years);
  const price = sign * (i.spot * dfQ * normCdf(sign * d1) - i.strike * dfR * normCdf(sign * d2));
  const delta = sign * dfQ * normCdf(sign * d1);
  const gamma = (dfQ * normPdf(d1)) / (i.spot * i.vol * sqrtT);
  const vega = i.spot * dfQ * normPdf(d1) * sqrtT;
  const thetaYear =
    -(i.spot * dfQ * normPdf(d1) * i.vol) / (2 * sqrtT) -
    sign * i.rate * i.strike * dfR * normCdf(sign * d2) +
    sign * q * i.spot * dfQ * normCdf(sign * d1);
  const rho = sign * i.strike * i.years * dfR * normCdf(sign * d2);
  return { price: Math.max(0, price), delta, gamma, theta: thetaYear / 365, vega, rho };
}

/**
 * Implied volatility (annualised fraction) that reproduces `price`, by safeguarded Newton/bisection.
 * Returns undefined when the price is outside the no-arbitrage bounds.
 */
export function impliedVol(
  price: number,
  inputs: Omit<BsInputs, "vol">,
  tolerance = 1e-8,
): number | undefined {
  const q = inputs.dividendYield ?? 0;
  const dfR = Math.exp(-inputs.rate * inputs.years);
  const dfQ = Math.exp(-q * inputs.years);
  const lower =
    inputs.right === "C"
      ? Math.max(0, inputs.spot * dfQ - inputs.strike * dfR)
      : Math.max(0, inputs.strike * dfR - inputs.spot * dfQ);
  const upper = inputs.right === "C" ? inputs.spot * dfQ : inputs.strike * dfR;
  if (!(inputs.years > 0) || !(price > lower) || !(price < upper)) return undefined;
  let lo = 1e-6;
  let hi = 5;
  let vol = 0.25;
  for (let n = 0; n < 100; n++) {
    const r = blackScholes({ ...inputs, vol });
    const diff = r.price - price;
    if (Math.abs(diff) < tolerance) return vol;
    if (diff > 0) hi = vol;
    else lo = vol;
    const next = r.vega > 1e-12 ? vol - diff / r.vega : NaN;
    vol = next > lo && next < hi ? next : (lo + hi) / 2;
  }
  return vol;
}
