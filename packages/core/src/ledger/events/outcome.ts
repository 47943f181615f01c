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
