/**
 * Net P&L: the one definition history, positions, settlement, the event fold, the backtest and the
 * live limits use (a trade's outcome from it: `outcomeOf` in ./events/outcome).
 */

/**
 * Net P&L, integer cents: gross P&L (cents, a loss negative) less every fee paid (cents, ≥ 0).
 * @param grossCents - P&L before fees, cents
 * @param feesCents - entry plus exit fees, cents
 */
export function netPnlCents(grossCents: number, feesCents: number): number {
  return grossCents - feesCents;
}
