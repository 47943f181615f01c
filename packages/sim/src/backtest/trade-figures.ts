import { nyDate } from "@stratdeck/core/time";
import type { BacktestTrade } from "./backtest-types";

/** Sessions per year used to annualise (NYSE). */
export const SESSIONS_PER_YEAR = 252;

/**
 * The p-quantile (0..1) of the values by linear interpolation between closest ranks (the
 * "type 7" definition of R and NumPy); NaN without values.
 */
export function quantile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * Math.min(1, Math.max(0, p));
  const lo = Math.floor(h);
  const a = sorted[lo] as number;
  const b = sorted[Math.min(sorted.length - 1, lo + 1)] as number;
  return a + (b - a) * (h - lo);
}

/**
 * The calendar month (`YYYY-MM`) whose equity change was the most negative: each month's change is
 * its last close's equity less the previous month's last (0 before the first day); null when no
 * month lost.
 */
export function worstMonth(
  dates: readonly string[],
  equity: readonly number[],
): { month: string; pnlCents: number } | null {
  const ends = new Map<string, number>();
  dates.forEach((d, i) => ends.set(d.slice(0, 7), equity[i] ?? 0));
  let previous = 0;
  let worst: { month: string; pnlCents: number } | null = null;
  for (const [month, end] of ends) {
    const change = end - previous;
    previous = end;
    if (change < 0 && (!worst || change < worst.pnlCents)) worst = { month, pnlCents: change };
  }
  return worst;
}

/**
 * Annualised Sharpe ratio of the daily equity changes: mean / sample standard deviation × √252,
 * with no risk-free rate (the equity is P&L, not a funded account). Null with fewer than two
 * changes or no variation.
 */
export function sharpeOfEquity(equity: readonly number[]): number | null {
  const changes = equity.slice(1).map((e, i) => e - (equity[i] as number));
  if (equity.length > 0) changes.unshift(equity[0] as number);
  if (changes.length < 2) return null;
  const mean = changes.reduce((a, b) => a + b, 0) / changes.length;
  const variance = changes.reduce((a, b) => a + (b - mean) ** 2, 0) / (changes.length - 1);
  if (!(variance > 0)) return null;
  return (mean / Math.sqrt(variance)) * Math.sqrt(SESSIONS_PER_YEAR);
}

/**
 * The most capital at risk at once, cents: the largest sum of max loss over the trades open on
 * one New York date (entry date to exit date, both counted).
 */
export function peakRiskCents(trades: readonly BacktestTrade[]): number {
  const deltas = new Map<string, number>();
  for (const t of trades) {
    const open = nyDate(Date.parse(t.entry.time));
    const close = t.exit ? nyDate(Date.parse(t.exit.time)) : "9999-12-31";
    deltas.set(open, (deltas.get(open) ?? 0) + t.maxLossCents);
    // Removed after its exit date: a key just past it sorts after every time on that date.
    deltas.set(`${close}~`, (deltas.get(`${close}~`) ?? 0) - t.maxLossCents);
  }
  let running = 0;
  let peak = 0;
  for (const [, d] of [...deltas].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    running += d;
    peak = Math.max(peak, running);
  }
  return peak;
}
