import { maxDrawdown } from "@stratdeck/core/paper";
import type { BacktestTrade, TradeStats } from "./backtest-types";

const round = (x: number, dp: number): number => Number(x.toFixed(dp));

/**
 * Figures of a set of closed trades; `equity` is the daily equity series (cents) the drawdown is
 * measured on.
 */
export function tradeStats(trades: readonly BacktestTrade[], equity: readonly number[]): TradeStats {
  const wins = trades.filter((t) => t.netPnlCents > 0);
  const losses = trades.filter((t) => t.netPnlCents <= 0);
  const sum = (xs: readonly BacktestTrade[]): number => xs.reduce((a, t) => a + t.netPnlCents, 0);
  const won = sum(wins);
  const lost = sum(losses);
  const riskDollarDays = trades.reduce((a, t) => a + (t.maxLossCents / 100) * t.daysHeld, 0);
  const total = won + lost;
  return {
    trades: trades.length,
    wins: wins.length,
    losses: losses.length,
    winRate: trades.length ? round(wins.length / trades.length, 4) : 0,
    avgWinCents: wins.length ? Math.round(won / wins.length) : 0,
    avgLossCents: losses.length ? Math.round(lost / losses.length) : 0,
    profitFactor: lost < 0 ? round(won / -lost, 4) : null,
    totalNetPnlCents: total,
    totalFeesCents: trades.reduce((a, t) => a + t.feesCents, 0),
    maxDrawdownCents: maxDrawdown(equity),
    riskDollarDays: round(riskDollarDays, 2),
    pnlPerRiskDay: riskDollarDays > 0 ? round(total / 100 / riskDollarDays, 6) : 0,
  };
}
