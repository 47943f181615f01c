import { streamerSymbol } from "@stratdeck/core/market-data";
import { daysBetween, nyWallTimeToUtc, settlementInstant } from "@stratdeck/core/time";
import { monthlyDate } from "../market/expirations";
import type { BacktestMarket } from "./backtest-market";

/** One monthly cycle of the PutWrite benchmark: one SPX put, sold at a roll and held to settlement. */
export interface PutWriteRoll {
  /** Roll date (the standard monthly expiration), `YYYY-MM-DD`. */
  rollDate: string;
  /** The sold put's expiration (the next month's roll date). */
  expiration: string;
  /** SPX at the sale, index points. */
  reference: number;
  /** The listed strike closest to, not above, the reference (SPX strikes every 5 points). */
  strike: number;
  /** Sale price: the quote's mid at 11:45 New York, USD per share. */
  premium: number;
  /** SPX at the expiration's AM settlement, index points. */
  settlementPrice: number;
  /** Put value at settlement, max(0, strike − settlement), USD per share. */
  payoff: number;
  /** Interest on the collateral (strike × 100) at the rate for the days held, cents (rounded down). */
  interestCents: number;
  /** premium − payoff per contract plus interest, cents. */
  pnlCents: number;
  /** pnlCents / collateral. */
  cycleReturn: number;
}

/** The PutWrite benchmark over a range. */
export interface PutWriteResult {
  rolls: PutWriteRoll[];
  /** Compounded return of the cycles, fraction (1,000 → 1,000 × (1 + totalReturn)). */
  totalReturn: number;
  note: string;
}

/** 11:45 New York: the middle of the 11:30–12:00 window Cboe's PUT index sells its puts in (VWAP). */
const SALE_MINUTE = 11 * 60 + 45;
const SPX_STRIKE_STEP = 5;

function rollDatesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split("-").map(Number) as [number, number];
  for (;;) {
    const d = monthlyDate(y, m);
    if (d > to) return out;
    if (d >= from) out.push(d);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
}

/**
 * A benchmark mirroring the Cboe S&P 500 PutWrite Index (PUT) methodology: at each monthly roll
 * (the standard third-Friday expiration) sell one one-month at-the-money SPX put (AM-settled SPX
 * root, strike closest to but not above the index), collateralised by strike × 100 in cash earning
 * `rate`, held to its AM settlement on the next roll date. One contract per cycle, no fees (like
 * the index); cycles whose put has no quote, or that settle after `to`, are left out.
 * @param rate - collateral interest, annual fraction (simple, actual/365)
 */
export function putWriteBenchmark(
  market: BacktestMarket,
  from: string,
  to: string,
  rate: number,
): PutWriteResult {
  const dates = rollDatesBetween(from, to);
  const rolls: PutWriteRoll[] = [];
  for (let i = 0; i + 1 < dates.length; i++) {
    const roll = cycle(market, dates[i] as string, dates[i + 1] as string, rate);
    if (roll) rolls.push(roll);
  }
  return {
    rolls,
    totalReturn: rolls.reduce((v, r) => v * (1 + r.cycleReturn), 1) - 1,
    note:
      "PutWrite benchmark (Cboe PUT methodology): one ATM SPX put sold at 11:45 New York on each monthly " +
      "roll at the quote's mid, collateralised by strike × 100 in cash, held to AM settlement; no fees.",
  };
}

function cycle(
  market: BacktestMarket,
  rollDate: string,
  expiration: string,
  rate: number,
): PutWriteRoll | null {
  const at = nyWallTimeToUtc(rollDate, SALE_MINUTE);
  const reference = market.spotAt("SPX", at);
  if (!Number.isFinite(reference)) return null;
  const strike = Math.floor(reference / SPX_STRIKE_STEP) * SPX_STRIKE_STEP;
  const quote = market.optionQuoteOf(
    streamerSymbol({ root: "SPX", date: expiration, right: "P", strike }),
    at,
  );
  if (!quote) return null;
  const settledAt = settlementInstant(expiration, "AM");
  const settlementPrice = market.spotAt("SPX", settledAt);
  if (!Number.isFinite(settlementPrice)) return null;
  const premium = quote.mid;
  const payoff = Math.max(0, strike - settlementPrice);
  const collateralCents = strike * 100 * 100;
  const interestCents = Math.floor((collateralCents * rate * daysBetween(rollDate, expiration)) / 365);
  const pnlCents = Math.round((premium - payoff) * 100 * 100) + interestCents;
  return {
    rollDate,
    expiration,
    reference,
    strike,
    premium,
    settlementPrice,
    payoff,
    interestCents,
    pnlCents,
    cycleReturn: pnlCents / collateralCents,
  };
}
