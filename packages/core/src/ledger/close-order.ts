import type { Log } from "../log/log";
import type { OrderFees } from "./fee-model";
import { orderLeg } from "./order-leg";
import type { ExitFill } from "../venues/venue";
import type { AppendResult, OrderRecord, PositionRecord } from "./order-types";
import type { PaperOrderStore } from "./paper-order-store";

export type { ExitFill } from "../venues/venue";

/** An order with no fees (settlement at expiry: no closing trade is made). */
export const NO_FEES: OrderFees = {
  commissionCents: 0,
  clearingCents: 0,
  regulatoryCents: 0,
  proprietaryCents: 0,
  totalCents: 0,
};

/**
 * Appends a position's closing order (BTC shorts, STC longs) for the spreads `exit` closed (all of
 * them by default; fewer is a partial close and the position stays open with the rest) with its
 * fill (or settlement) event and its own fees. A second write of the same close writes nothing
 * (`duplicate`). The realised P&L reported is the position's gross so far, as its events say.
 * Logs `paper.close` (or `paper.close.partial`).
 */
export async function recordClose(
  deps: { orders: PaperOrderStore; log: Log },
  position: PositionRecord,
  exit: ExitFill,
): Promise<AppendResult & { realizedPnlCents: number }> {
  const res = await deps.orders.close({
    positionId: position.positionId,
    order: closingRecord(position, exit),
    exitFeesCents: exit.fees.totalCents,
    closeReason: exit.reason,
    ...(exit.orderRef !== undefined ? { orderRef: exit.orderRef } : {}),
    ...(exit.settlement ? { settlement: exit.settlement } : {}),
  });
  const after = res.position;
  const closed = after?.status === "closed";
  // Still open after a partial close: what the closes so far realised, from the events.
  const realizedPnlCents =
    (closed ? after.realizedPnlCents : (await deps.orders.stateOf(position.positionId))?.grossCents) ?? 0;
  const written = closed ? "paper.close" : "paper.close.partial";
  deps.log.info(res.status === "written" ? written : "paper.close.duplicate", {
    positionId: position.positionId,
    reason: exit.reason,
    exitDebit: exit.exitDebit,
    quantity: res.order.quantity,
    openQuantity: closed ? 0 : after?.quantity,
    realizedPnlCents,
    feesCents: after?.feesCents,
    netPnlCents: after?.netPnlCents,
  });
  return { ...res, realizedPnlCents };
}

/** The order-log record of a close: its legs, price and the spreads it closed. */
function closingRecord(
  position: PositionRecord,
  exit: ExitFill,
): Omit<OrderRecord, "orderId" | "positionId" | "kind"> {
  const legs = position.legs.map((l, i) =>
    orderLeg(
      l,
      l.side === "short" ? "BTC" : "STC",
      l.ratio,
      exit.legs[i] ?? { fillPrice: 0, quoteTime: exit.time },
    ),
  );
  return {
    time: exit.time,
    underlying: position.underlying,
    strategy: position.strategy,
    side: exit.exitDebit >= 0 ? "debit" : "credit",
    quantity: exit.quantity ?? position.quantity,
    price: Math.abs(exit.exitDebit),
    underlyingPrice: exit.underlyingPrice,
    underlyingSource: exit.underlyingSource,
    mode: position.mode,
    legs,
    idempotencyKey: `${position.positionId}|close${exit.orderRef !== undefined ? `|${exit.orderRef}` : ""}`,
    reason: exit.reason,
    fees: exit.fees,
    ...(exit.brokerOrderIds ? { brokerOrderIds: exit.brokerOrderIds } : {}),
    ...(exit.cancelledRest ? { cancelledRest: exit.cancelledRest } : {}),
  };
}
