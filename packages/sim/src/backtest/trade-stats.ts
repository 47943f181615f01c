import { maxDrawdown, outcomeTally } from "@stratdeck/core/ledger";
import type { BacktestTrade, TradeStats } from "./backtest-types";
import { peakRiskCents, quantile, SESSIONS_PER_YEAR, sharpeOfEquity, worstMonth } from "./trade-figures";

const round = (x: number, dp: number): number => Number(x.toFixed(dp));

/**
 * Figures of a set of closed trades (wins and losses by `outcomeTally`: a net of 0 is
 * break-even, neither); `equity` is the daily equity series (cents) the drawdown,
 * Sharpe and worst month are measured on, `dates` its session dates (`YYYY-MM-DD`).
 */
export function tradeStats(
  trades: readonly BacktestTrade[],
  equity: readonly number[],
  dates: readonly string[] = [],
): TradeStats {
  const tally = outcomeTally(trades.map((t) => t.netPnlCents));
  const riskDollarDays = trades.reduce((a, t) => a + (t.maxLossCents / 100) * t.daysHeld, 0);
  const total = tally.wonCents + tally.lostCents;
  return {
    trades: tally.trades,
    wins: tally.wins,
    losses: tally.losses,
    breakEvens: tally.breakEvens,
    winRate: round(tally.winRate, 4),
    avgWinCents: tally.avgWinCents,
    avgLossCents: tally.avgLossCents,
    profitFactor: tally.lostCents < 0 ? round(tally.wonCents / -tally.lostCents, 4) : null,
    totalNetPnlCents: total,
    totalFeesCents: trades.reduce((a, t) => a + t.feesCents, 0),
    maxDrawdownCents: maxDrawdown(equity),
    riskDollarDays: round(riskDollarDays, 2),
    pnlPerRiskDay: riskDollarDays > 0 ? round(total / 100 / riskDollarDays, 6) : 0,
    ...tailFigures(trades, equity, dates),
  };
}

function tailFigures(
  trades: readonly BacktestTrade[],
  equity: readonly number[],
  dates: readonly string[],
): Pick<
  TradeStats,
  | "expectancyCents"
  | "worstTradeCents"
  | "p10TradeCents"
  | "worstMonth"
  | "peakRiskCents"
  | "annualReturnOnRisk"
  | "sharpe"
> {
  const nets = trades.map((t) => t.netPnlCents);
  const total = nets.reduce((a, b) => a + b, 0);
  const peak = peakRiskCents(trades);
  const sharpe = sharpeOfEquity(equity);
  return {
    expectancyCents: nets.length ? Math.round(total / nets.length) : 0,
    worstTradeCents: nets.length ? Math.min(...nets) : 0,
    p10TradeCents: nets.length ? Math.round(quantile(nets, 0.1)) : 0,
    worstMonth: worstMonth(dates, equity),
    peakRiskCents: peak,
    annualReturnOnRisk:
      peak > 0 && equity.length > 0 ? round((total / peak) * (SESSIONS_PER_YEAR / equity.length), 4) : null,
    sharpe: sharpe === null ? null : round(sharpe, 3),
  };
}
