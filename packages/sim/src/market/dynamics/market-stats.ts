import { riskReversal25Ratio, smileAt } from "../surface-smile";
import { IV_INDEX_YEARS, impliedVolForTenor } from "./implied-vol";
import type { MarketHistory } from "./market-history";

/** Years in 93 calendar days: the tenor of the 3-month IV index (Cboe VIX3M). */
export const IV_3M_YEARS = 93 / 365;

/** Measured statistics of one index's daily closes (see the targets in dynamics-params.ts). */
export interface IndexStats {
  sessions: number;
  /** Annualised volatility of daily close-to-close log returns, fraction. */
  realisedVol: number;
  /** Mean of (IV index at a close − realised vol of the next 21 sessions), fraction. */
  impliedPremium: number;
  /** Autocorrelation of |daily return| at lag 1. */
  absReturnAutocorrelation: number;
  /** Excess kurtosis of daily returns. */
  excessKurtosis: number;
  /** Correlation of daily IV-index changes with daily returns. */
  ivReturnCorrelation: number;
  /** Mean IV index at the close, fraction. */
  meanIvIndex: number;
  /** Daily returns below −3 % per year of sessions. */
  daysBelowMinus3PctPerYear: number;
  /** Annualised standard deviation of daily changes of ln(IV index). */
  lnIvVol: number;
  /** Half-life of ln(IV index) in sessions, from its lag-1 autoregression: ln ½ / ln φ. */
  lnIvHalfLife: number;
  /** Share of closes with the 30-day IV above the 3-month IV (an inverted term structure). */
  invertedShare: number;
  /** Mean 30-day 25-delta risk reversal as a fraction of the ATM IV. */
  riskReversalRatio: number;
}

/** Lag-1 autoregression coefficient of a series (slope of x[t] on x[t−1]). */
function ar1(xs: readonly number[]): number {
  const a = xs.slice(0, -1);
  const b = xs.slice(1);
  const ma = mean(a);
  const mb = mean(b);
  let sab = 0;
  let saa = 0;
  for (let i = 0; i < a.length; i++) {
    sab += ((a[i] ?? 0) - ma) * ((b[i] ?? 0) - mb);
    saa += ((a[i] ?? 0) - ma) ** 2;
  }
  return sab / saa;
}

const sd = (xs: readonly number[]): number => {
  const m = mean(xs);
  return Math.sqrt(mean(xs.map((x) => (x - m) ** 2)));
};

const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

function correlation(a: readonly number[], b: readonly number[]): number {
  const ma = mean(a);
  const mb = mean(b);
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < a.length; i++) {
    const da = (a[i] ?? 0) - ma;
    const db = (b[i] ?? 0) - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  return sab / Math.sqrt(saa * sbb);
}

/** Statistics of a walked index over the sessions generated so far (at least 60). */
export function indexStats(history: MarketHistory, symbol: string): IndexStats {
  const index = history.symbols.indexOf(symbol);
  if (index < 0) throw new Error(`unknown walked index ${symbol}`);
  const sessions = history.generated();
  if (sessions.length < 60) throw new Error(`need at least 60 sessions, have ${sessions.length}`);
  const closes = sessions.map((s) => {
    const p = s.paths[index];
    return p ? (p.logPrice[s.minutes] ?? 0) : 0;
  });
  const iv = sessions.map((s) => s.ivClose[index] ?? 0);
  const params = history.paramsOf(index);
  const iv3m = sessions.map((s) =>
    impliedVolForTenor(params, history.market, s.paths[index]?.logVol[s.minutes] ?? 0, IV_3M_YEARS),
  );
  const lnIv = iv.map(Math.log);
  const r = closes.slice(1).map((c, i) => c - (closes[i] ?? 0));
  const dIv = iv.slice(1).map((v, i) => v - (iv[i] ?? 0));
  const year = history.market.sessionsPerYear;
  const realisedVol = Math.sqrt((year * r.reduce((a, x) => a + x * x, 0)) / r.length);
  const premia: number[] = [];
  for (let k = 0; k + 21 < r.length; k++) {
    const next = r.slice(k, k + 21);
    premia.push((iv[k] ?? 0) - Math.sqrt((year * next.reduce((a, x) => a + x * x, 0)) / next.length));
  }
  const abs = r.map(Math.abs);
  const m = mean(r);
  const m2 = mean(r.map((x) => (x - m) ** 2));
  const m4 = mean(r.map((x) => (x - m) ** 4));
  return {
    sessions: sessions.length,
    realisedVol,
    impliedPremium: mean(premia),
    absReturnAutocorrelation: correlation(abs.slice(1), abs.slice(0, -1)),
    excessKurtosis: m4 / (m2 * m2) - 3,
    ivReturnCorrelation: correlation(dIv, r),
    meanIvIndex: mean(iv),
    daysBelowMinus3PctPerYear: (year * r.filter((x) => x < Math.log(0.97)).length) / r.length,
    lnIvVol: sd(lnIv.slice(1).map((x, i) => x - (lnIv[i] ?? 0))) * Math.sqrt(year),
    lnIvHalfLife: Math.log(0.5) / Math.log(ar1(lnIv)),
    invertedShare: iv.filter((v, i) => v > (iv3m[i] ?? Infinity)).length / iv.length,
    riskReversalRatio: mean(
      iv.map((v) => riskReversal25Ratio(v, IV_INDEX_YEARS, smileAt(history.market.smile, v))),
    ),
  };
}
