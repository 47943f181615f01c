/** How a closed trade ended, by its net P&L (after every fee). */
export type Outcome = "win" | "loss" | "break-even";

/**
 * The one definition of win, loss and break-even: net > 0 is a win, net < 0 a loss, exactly 0
 * break-even (neither). History, the backtest and every statistic use it.
 * @param netCents - net P&L after fees, cents
 */
export function outcomeOf(netCents: number): Outcome {
  return netCents > 0 ? "win" : netCents < 0 ? "loss" : "break-even";
}

/** Wins, losses and break-evens of a set of trades (by {@link outcomeOf}) with their sums and means. */
export interface OutcomeTally {
  trades: number;
  wins: number;
  losses: number;
  breakEvens: number;
  /** wins / trades, fraction (0 without trades). */
  winRate: number;
  /** Sum of the winners' and of the losers' net P&L, cents (losers' sum ≤ 0). */
  wonCents: number;
  lostCents: number;
  /** Mean net P&L of the winners and of the losers, rounded to the cent (0 when none). */
  avgWinCents: number;
  avgLossCents: number;
}

/**
 * The one tally of wins and losses: history's totals and the backtest's statistics both read it.
 * @param netCents - each trade's net P&L after fees, cents
 */
export function outcomeTally(netCents: readonly number[]): OutcomeTally {
  const wins = netCents.filter((n) => outcomeOf(n) === "win");
  const losses = netCents.filter((n) => outcomeOf(n) === "loss");
  const sum = (xs: readonly number[]): number => xs.reduce((a, x) => a + x, 0);
  const wonCents = sum(wins);
  const lostCents = sum(losses);
  return {
    trades: netCents.length,
    wins: wins.length,
    losses: losses.length,
    breakEvens: netCents.length - wins.length - losses.length,
    winRate: netCents.length ? wins.length / netCents.length : 0,
    wonCents,
    lostCents,
    avgWinCents: wins.length ? Math.round(wonCents / wins.length) : 0,
    avgLossCents: losses.length ? Math.round(lostCents / losses.length) : 0,
  };
}
