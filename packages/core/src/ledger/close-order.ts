import type { Log } from "../log/log";
import type { OrderFees } from "./fee-model";
import { orderLeg } from "./order-leg";
import type { ExitFill } from "../venues/venue";
import type { AppendResult, PositionRecord } from "./order-types";
import type { PaperOrderStore } from "./paper-order-store";
import { pnlCents } from "./payoff";

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
 * Appends a position's close order (BTC shorts, STC longs) with its realised P&L (gross, fees of
 * both orders, net) and marks the position closed; a second close writes nothing (`duplicate`). Logs `paper.close`.
 */
export async function recordClose(
  deps: { orders: PaperOrderStore; log: Log },
  position: PositionRecord,
  exit: ExitFill,
): Promise<AppendResult & { realizedPnlCents: number }> {
  const realizedPnlCents = pnlCents(
    position.entryCredit,
    exit.exitDebit,
    position.multiplier,
    position.quantity,
  );
  const legs = position.legs.map((l, i) =>
    orderLeg(
      l,
      l.side === "short" ? "BTC" : "STC",
      l.ratio,
      exit.legs[i] ?? { fillPrice: 0, quoteTime: exit.time },
    ),
  );
  const res = await deps.orders.close({
    positionId: position.positionId,
    order: {
      time: exit.time,
      underlying: position.underlying,
      strategy: position.strategy,
      side: exit.exitDebit >= 0 ? "debit" : "credit",
      quantity: position.quantity,
      price: Math.abs(exit.exitDebit),
      underlyingPrice: exit.underlyingPrice,
      underlyingSource: exit.underlyingSource,
      mode: position.mode,
      legs,
      idempotencyKey: `${position.positionId}|close`,
      reason: exit.reason,
      fees: exit.fees,
    },
    exitFeesCents: exit.fees.totalCents,
    closeReason: exit.reason,
    ...(exit.settlement ? { settlement: exit.settlement } : {}),
  });
  deps.log.info(res.status === "written" ? "paper.close" : "paper.close.duplicate", {
    positionId: position.positionId,
    reason: exit.reason,
    exitDebit: exit.exitDebit,
    realizedPnlCents: res.position?.realizedPnlCents ?? realizedPnlCents,
    feesCents: res.position?.feesCents,
    netPnlCents: res.position?.netPnlCents,
  });
  return { ...res, realizedPnlCents: res.position?.realizedPnlCents ?? realizedPnlCents };
}
