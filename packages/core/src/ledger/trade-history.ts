import { maxDrawdown } from "./drawdown";
import { outcomeOf, outcomeTally, type Outcome } from "./events/outcome";
import type { PositionRecord } from "./order-types";
import { netPnlCents } from "./pnl";

/** One closed or settled position with its realised P&L. */
export interface HistoryTrade {
  positionId: string;
  strategy: string;
  underlying: string;
  root: string;
  expiration: string;
  quantity: number;
  /** ms since epoch. */
  openedAt: number;
  closedAt: number;
  /** `closedAt − openedAt`, ms. */
  holdMs: number;
  /** USD per share. */
  entryCredit: number;
  exitDebit: number;
  /** Why it closed: `manual`, `profit-target`, `expiry` (settled), … */
  exitReason: string;
  /** Realised P&L before fees, fees of both orders, and net, cents. */
  grossCents: number;
  feesCents: number;
  netCents: number;
  /** By net P&L ({@link outcomeOf}): win, loss or break-even. */
  outcome: Outcome;
  /**
   * Present for a settlement: the index value (points), its instant (ms), source, and whether the
   * value is still an approximation of the official one.
   */
  settlement?: { price: number; at: number; source: string; approximate: boolean };
}

/** Totals over every trade (not only the page). */
export interface HistoryTotals {
  trades: number;
  grossCents: number;
  feesCents: number;
  netCents: number;
  /** Trades won, lost and broken even ({@link outcomeOf}: net > 0, < 0, exactly 0). */
  wins: number;
  losses: number;
  breakEvens: number;
  /** wins / trades, fraction (0 with no trades). */
  winRate: number;
  /** Mean net of the wins and of the losses, cents (0 when none). */
  avgWinCents: number;
  avgLossCents: number;
  /** Largest fall of cumulative net P&L from a running peak (starting at 0), cents, ≥ 0. */
  maxDrawdownCents: number;
}

/** A point of the realised equity curve. */
export interface EquityPoint {
  /** Close time, ms since epoch. */
  at: number;
  /** Cumulative net realised P&L after this trade, cents. */
  cumulativeNetCents: number;
}

/** `stratdeck history` / `GET /history`. */
export interface HistoryReport {
  /** One page of trades, newest first. */
  trades: HistoryTrade[];
  totals: HistoryTotals;
  /** Every trade, oldest first. */
  equityCurve: EquityPoint[];
  /** Pass as `cursor` for the next page; absent on the last page. */
  nextCursor?: string;
}

/** A closed position's realised P&L, cents: before fees, the fees, and after them. */
export interface RealizedPnl {
  grossCents: number;
  feesCents: number;
  netCents: number;
}

/**
 * The realised P&L of a closed position as read from the store: the fields `positionState`
 * derived from its events (gross `realizedPnlCents`, `feesCents`, `netPnlCents`). History, the
 * backtest's trades and its equity curve all read it here.
 */
export function realizedPnl(p: PositionRecord): RealizedPnl {
  const grossCents = p.realizedPnlCents ?? 0;
  const feesCents = p.feesCents ?? (p.entryFeesCents ?? 0) + (p.exitFeesCents ?? 0);
  return { grossCents, feesCents, netCents: p.netPnlCents ?? netPnlCents(grossCents, feesCents) };
}

/** A closed position as a history trade (older records without fees count 0 fees). */
export function historyTrade(p: PositionRecord): HistoryTrade {
  const { grossCents, feesCents, netCents } = realizedPnl(p);
  const closedAt = p.closedAt ?? p.openedAt;
  return {
    positionId: p.positionId,
    strategy: p.strategy,
    underlying: p.underlying,
    root: p.root,
    expiration: p.expiration,
    quantity: p.quantity,
    openedAt: p.openedAt,
    closedAt,
    holdMs: closedAt - p.openedAt,
    entryCredit: p.entryCredit,
    exitDebit: p.exitDebit ?? 0,
    exitReason: p.closeReason ?? "unknown",
    grossCents,
    feesCents,
    netCents,
    outcome: outcomeOf(netCents),
    ...(p.settlementPrice !== undefined && p.settlementAt !== undefined
      ? {
          settlement: {
            price: p.settlementPrice,
            at: p.settlementAt,
            source: p.settlementSource ?? "unknown",
            approximate: p.settlementApproximate ?? false,
          },
        }
      : {}),
  };
}

/** Totals, win rate, averages and max drawdown of trades (any order). */
export function historyTotals(trades: readonly HistoryTrade[]): HistoryTotals {
  const tally = outcomeTally(trades.map((t) => t.netCents));
  return {
    trades: tally.trades,
    grossCents: trades.reduce((s, t) => s + t.grossCents, 0),
    feesCents: trades.reduce((s, t) => s + t.feesCents, 0),
    netCents: trades.reduce((s, t) => s + t.netCents, 0),
    wins: tally.wins,
    losses: tally.losses,
    breakEvens: tally.breakEvens,
    winRate: tally.winRate,
    avgWinCents: tally.avgWinCents,
    avgLossCents: tally.avgLossCents,
    maxDrawdownCents: maxDrawdown(equityCurve(trades).map((p) => p.cumulativeNetCents)),
  };
}

/** Cumulative net realised P&L after each trade, oldest first. */
export function equityCurve(trades: readonly HistoryTrade[]): EquityPoint[] {
  let sum = 0;
  return [...trades]
    .sort((a, b) => a.closedAt - b.closedAt || a.positionId.localeCompare(b.positionId))
    .map((t) => ({ at: t.closedAt, cumulativeNetCents: (sum += t.netCents) }));
}

/** Thrown for a malformed `cursor`. */
export class HistoryCursorError extends Error {
  override readonly name = "HistoryCursorError";
}

/**
 * The trade history: every closed or settled position (newest first, `limit` per page from
 * `cursor`), totals over all of them and the realised equity curve.
 */
export async function tradeHistory(
  orders: { listClosedPositions(): Promise<PositionRecord[]> },
  options: { limit?: number; cursor?: string } = {},
): Promise<HistoryReport> {
  const all = (await orders.listClosedPositions()).map(historyTrade);
  all.sort((a, b) => b.closedAt - a.closedAt || a.positionId.localeCompare(b.positionId));
  const offset = options.cursor === undefined ? 0 : Number(options.cursor);
  if (!Number.isInteger(offset) || offset < 0) {
    throw new HistoryCursorError(`cursor: must be a cursor from a previous page, got "${options.cursor}"`);
  }
  const limit = options.limit ?? 50;
  const page = all.slice(offset, offset + limit);
  return {
    trades: page,
    totals: historyTotals(all),
    equityCurve: equityCurve(all),
    ...(offset + limit < all.length ? { nextCursor: String(offset + limit) } : {}),
  };
}
