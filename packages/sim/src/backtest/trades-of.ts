import {
  realizedPnl,
  type OrderRecord,
  type PositionRecord,
  type PaperOrderStore,
} from "@stratdeck/core/ledger";
import { daysBetween, nyDate } from "@stratdeck/core/time";
import type { BacktestTrade, TradeFill } from "./backtest-types";

/** The fee model's fees of one order, cents (null on records from before fees). */
const feesOf = (order: OrderRecord): number | null => order.fees?.totalCents ?? null;

function fillOf(order: OrderRecord): TradeFill {
  // Entries as a credit received, exits as a debit paid: the other side is negative.
  const sign = (order.kind === "open") === (order.side === "credit") ? 1 : -1;
  const quoteTime = Math.max(...order.legs.map((l) => l.quoteTime));
  return {
    time: new Date(order.time).toISOString(),
    price: sign * order.price,
    underlyingPrice: order.underlyingPrice,
    underlyingSource: order.underlyingSource ?? "",
    quoteTime: new Date(quoteTime).toISOString(),
    feesCents: feesOf(order),
  };
}

/** The trade of one position from its orders. */
export function tradeOf(position: PositionRecord, orders: readonly OrderRecord[]): BacktestTrade | null {
  const open = orders.find((o) => o.kind === "open");
  if (!open) return null;
  const close = orders.find((o) => o.kind === "close");
  const pnl = realizedPnl(position);
  const end = position.closedAt ?? position.openedAt;
  return {
    positionId: position.positionId,
    strategy: position.strategy,
    underlying: position.underlying,
    root: position.root,
    expiration: position.expiration,
    settlement: position.settlement,
    quantity: position.quantity,
    legs: position.legs.map((l, i) => ({
      side: l.side,
      optionType: l.optionType,
      strike: l.strike,
      entryPrice: l.entryPrice,
      exitPrice: close?.legs[i]?.fillPrice ?? null,
    })),
    entry: fillOf(open),
    exit: close ? fillOf(close) : null,
    reason: position.closeReason ?? "open",
    maxLossCents: position.maxLossCents,
    daysHeld: Math.max(1, daysBetween(nyDate(position.openedAt), nyDate(end))),
    feesCents: pnl.feesCents,
    grossPnlCents: pnl.grossCents,
    netPnlCents: pnl.netCents,
  };
}

/** Every position's trade from the order log, by entry time then id. */
export async function tradesOf(orders: PaperOrderStore): Promise<BacktestTrade[]> {
  const all = await orders.listRecentOrders(Number.MAX_SAFE_INTEGER);
  const byPosition = new Map<string, OrderRecord[]>();
  for (const o of all) byPosition.set(o.positionId, [...(byPosition.get(o.positionId) ?? []), o]);
  const trades: BacktestTrade[] = [];
  for (const [id, list] of byPosition) {
    const position = await orders.getPosition(id);
    const t = position ? tradeOf(position, list) : null;
    if (t) trades.push(t);
  }
  return trades.sort((a, b) =>
    a.entry.time < b.entry.time ? -1 : a.entry.time > b.entry.time ? 1 : a.positionId < b.positionId ? -1 : 1,
  );
}
