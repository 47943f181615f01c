import type { Quote } from "../market-data/market-data-provider";
import type { ChainStrike } from "../market-data/option-chain";
import { blackScholes, impliedVol } from "../pricing/black-scholes";
import type { SpreadLegQuote } from "../pricing/spread-fill";

/** Model inputs shared by every option of one expiration. */
export interface ExpiryModel {
  /** Underlying price, index points. */
  spot: number;
  /** Time to settlement, years (ACT/365). */
  years: number;
  /** Risk-free rate, annual fraction. */
  rate: number;
  /** Dividend yield, annual fraction. */
  dividendYield: number;
}

/** One option of the chain with its live quote and the IV and delta used to select it. */
export interface PricedOption {
  right: "C" | "P";
  /** Strike, index points. */
  strike: number;
  occSymbol: string;
  streamerSymbol: string;
  quote: Quote;
  /** Implied volatility, annualised fraction: the quote's, else implied from its mid. */
  iv?: number;
  /** Signed delta: the quote's, else Black-Scholes at `iv`. */
  delta?: number;
}

const finite = (x: number | undefined): x is number => typeof x === "number" && Number.isFinite(x);

/** The quote's mid, or (bid + ask) / 2 when both sides exist. */
export function quoteMid(q: Quote): number | undefined {
  if (finite(q.mid)) return q.mid;
  return finite(q.bid) && finite(q.ask) ? (q.bid + q.ask) / 2 : undefined;
}

/**
 * Attaches IV and delta to a quoted option. Greeks are computed only here, for the few strikes a
 * strategy looks at: the quote's delta when present, else Black-Scholes from the quote's IV, else
 * from the IV implied by the quote's mid.
 */
export function priceOption(s: ChainStrike, right: "C" | "P", quote: Quote, m: ExpiryModel): PricedOption {
  const bsIn = {
    right,
    spot: m.spot,
    strike: s.strike,
    years: m.years,
    rate: m.rate,
    dividendYield: m.dividendYield,
  };
  let iv = finite(quote.iv) && quote.iv > 0 ? quote.iv : undefined;
  if (iv === undefined) {
    const mid = quoteMid(quote);
    if (mid !== undefined && mid > 0) iv = impliedVol(mid, bsIn, 1e-6);
  }
  let delta = finite(quote.delta) ? quote.delta : undefined;
  if (delta === undefined && iv !== undefined) delta = blackScholes({ ...bsIn, vol: iv }).delta;
  // Built field by field, not by spreading: V8 copies `{ ...a, b }` slowly, and a scan prices
  // thousands of options (keys in the same order as before).
  const out: PricedOption = {
    right,
    strike: s.strike,
    quote,
    occSymbol: right === "C" ? s.callOcc : s.putOcc,
    streamerSymbol: right === "C" ? s.callStreamer : s.putStreamer,
  };
  if (iv !== undefined) out.iv = iv;
  if (delta !== undefined) out.delta = delta;
  return out;
}

/** One contract of `p` as a `fillSpread` leg, labelled by its streamer symbol. */
export function spreadLeg(p: PricedOption, side: "short" | "long"): SpreadLegQuote {
  const { bid, ask, asOf } = p.quote;
  return { side, ratio: 1, bid, ask, quoteTime: asOf, label: p.streamerSymbol };
}

/** Index of the first strike >= `k` (strikes ascending), by binary search. */
export function lowerBound(strikes: readonly ChainStrike[], k: number): number {
  let lo = 0;
  let hi = strikes.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (strikes[mid]!.strike < k) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the strike equal to `k` (to 1e-6 points), or -1. */
export function findStrike(strikes: readonly ChainStrike[], k: number): number {
  const i = lowerBound(strikes, k - 1e-6);
  return i < strikes.length && Math.abs(strikes[i]!.strike - k) <= 1e-6 ? i : -1;
}

/**
 * IV at `strike` interpolated linearly across the smile of quoted strikes (flat beyond the ends).
 * @param points - strike/IV pairs ascending by strike
 */
export function smileAt(
  points: readonly { strike: number; iv: number }[],
  strike: number,
): number | undefined {
  if (points.length === 0) return undefined;
  const first = points[0]!;
  const last = points[points.length - 1]!;
  if (strike <= first.strike) return first.iv;
  if (strike >= last.strike) return last.iv;
  let lo = 0;
  let hi = points.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (points[mid]!.strike <= strike) lo = mid;
    else hi = mid;
  }
  const a = points[lo]!;
  const b = points[hi]!;
  return a.iv + ((b.iv - a.iv) * (strike - a.strike)) / (b.strike - a.strike);
}
