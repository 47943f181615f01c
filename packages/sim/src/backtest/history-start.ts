/**
 * Where the synthetic market's history starts for a backtest from `from`: January 1 of the year
 * before, so the IV rank has a year of closes behind it, and every range starting in the same year
 * sees the same market for a seed.
 */
export function marketHistoryStart(from: string): string {
  return `${Number(from.slice(0, 4)) - 1}-01-01`;
}
