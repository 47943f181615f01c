import type { MarketHistory } from "./market-history";

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
}

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
  };
}
