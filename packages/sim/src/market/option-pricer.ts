import { tickFor, type TickSize, type OptionId } from "@stratdeck/core/market-data";
import { blackScholes, MS_PER_YEAR } from "@stratdeck/core/pricing";
import type { SimOptionQuote } from "../types";
import { roundDecimal } from "./decimal-round";
import { moneynessZ, smileVolOf, type SmileShape } from "./surface-smile";
import { atmVol, smileVol, standardMoneyness } from "./vol-surface";

/** Market inputs of one option price. */
export interface PricingInputs {
  id: OptionId;
  /** Index points. */
  spot: number;
  rate: number;
  dividendYield: number;
  /** 30-day ATM IV of the underlying now, annualised fraction. */
  ivIndex: number;
  /** Settlement instant, ms since epoch. */
  expiresAt: number;
  /** Pricing instant, ms since epoch. */
  now: number;
  tickSizes: readonly TickSize[];
  /** ATM implied volatility of this expiry, annualised fraction (default: {@link atmVol} of the IV index). */
  atmVol?: number;
  /** Put skew per standardised log-moneyness unit (default: the static surface's). */
  skew?: number;
  /** A calibrated smile ({@link smileAt}); when given it replaces the static surface's skew. */
  smile?: SmileShape;
}

/** `Number(x.toFixed(dp))`, exactly (see {@link roundDecimal}). */
const round = roundDecimal;
/** Rounding for model outputs (greeks, IV, theo): ~20× faster than `toFixed`, may differ by one unit in the last place on exact ties. */
const roundModel = (x: number, dp: number): number => {
  const f = 10 ** dp;
  return Math.round(x * f) / f;
};

function floorTick(price: number, ticks: readonly TickSize[]): number {
  const t = tickFor(ticks, price);
  return round(Math.floor(price / t + 1e-9) * t, 4);
}

function ceilTick(price: number, ticks: readonly TickSize[]): number {
  const t = tickFor(ticks, price);
  return round(Math.ceil(price / t - 1e-9) * t, 4);
}

/**
 * Black-Scholes theoretical price on the skewed surface, a tick-rounded bid/ask around it whose
 * width grows away from the money, and greeks at the same volatility (vega and rho per point).
 */
export function priceOption(p: PricingInputs): SimOptionQuote {
  const years = Math.max(0, (p.expiresAt - p.now) / MS_PER_YEAR);
  const forward = p.spot * Math.exp((p.rate - p.dividendYield) * years);
  const atm = p.atmVol ?? atmVol(p.ivIndex, years);
  const z = p.smile
    ? moneynessZ(p.id.strike, forward, atm, years)
    : standardMoneyness(p.id.strike, forward, atm, years);
  const vol = p.smile ? smileVolOf(atm, z, p.smile) : smileVol(atm, z, p.skew);
  const bs = blackScholes({
    right: p.id.right,
    spot: p.spot,
    strike: p.id.strike,
    years,
    vol,
    rate: p.rate,
    dividendYield: p.dividendYield,
  });
  const theo = bs.price;
  const minTick = tickFor(p.tickSizes, 0);
  const half = tickFor(p.tickSizes, theo) * (0.6 + 0.5 * Math.min(4, Math.abs(z))) + 0.002 * theo;
  let bid = theo - half < minTick ? 0 : floorTick(theo - half, p.tickSizes);
  let ask = Math.max(minTick, ceilTick(theo + half, p.tickSizes));
  if (years === 0) {
    bid = floorTick(theo, p.tickSizes);
    ask = Math.max(minTick, ceilTick(theo, p.tickSizes));
  }
  if (ask <= bid) ask = round(bid + tickFor(p.tickSizes, bid), 4);
  return {
    bid,
    ask,
    mid: round((bid + ask) / 2, 4),
    iv: roundModel(vol, 6),
    delta: roundModel(bs.delta, 6),
    gamma: roundModel(bs.gamma, 8),
    theta: roundModel(bs.theta, 6),
    vega: roundModel(bs.vega / 100, 6),
    rho: roundModel(bs.rho / 100, 6),
    theo: roundModel(theo, 4),
  };
}
