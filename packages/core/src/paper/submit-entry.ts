import type { AllowedDecision } from "../guard/trading-decision";
import type { Log } from "../log/log";
import { NO_FEES, recordClose } from "./close-order";
import type { EntryRecords } from "./entry-order";
import type { Refusal } from "./leg-fill";
import { liveOrderRequest, type LiveOrderGateway, type LiveOrderResult } from "./live-order-gateway";
import type { PaperOrderStore } from "./paper-order-store";

/** Where an entry ended up. */
export interface SubmitOutcome {
  status: "entered" | "duplicate" | "refused" | "dry-run" | "placed";
  reasons: Refusal[];
  positionId?: string;
  broker?: LiveOrderResult;
}

const brokerReasons = (r: LiveOrderResult): Refusal[] =>
  (r.errors ?? ["rejected by the broker"]).map((message) => ({ code: "broker-rejected", message }));

/**
 * Sends filled entry records where the trading decision says. Paper: a conditional append to the
 * order log. Dry-run: the broker validates it; nothing is written. Confirmed live: the order log is
 * appended first (the idempotency claim, so a redelivered run cannot place twice), then the order
 * is placed; a rejected placement closes the logged position as `live-rejected` with zero P&L.
 */
export async function submitEntry(
  deps: { orders: PaperOrderStore; live?: LiveOrderGateway },
  decision: AllowedDecision,
  records: EntryRecords,
  log: Log,
): Promise<SubmitOutcome> {
  const fields = { key: records.order.idempotencyKey, credit: records.order.price, mode: decision.mode };
  if (decision.mode === "live-dry-run") {
    if (!deps.live)
      return {
        status: "refused",
        reasons: [{ code: "no-live-gateway", message: "no broker gateway configured" }],
      };
    const broker = await deps.live
      .dryRun(liveOrderRequest(records.order))
      .catch((err: Error): LiveOrderResult => ({ ok: false, errors: [`dry-run failed: ${err.message}`] }));
    // The broker's fee-calculation beside the fee model's figure (cents), for reconciliation.
    log.info("live.dry-run", {
      ...fields,
      ok: broker.ok,
      warnings: broker.warnings,
      errors: broker.errors,
      modelFeesCents: records.order.fees?.totalCents,
      brokerFeesCents: broker.details?.feesCents,
    });
    return { status: "dry-run", reasons: broker.ok ? [] : brokerReasons(broker), broker };
  }
  const place = deps.live?.place?.bind(deps.live);
  if (decision.mode === "live-confirmed" && !place) {
    return {
      status: "refused",
      reasons: [{ code: "no-live-gateway", message: "no broker gateway that can place orders" }],
    };
  }
  const res = await deps.orders.open(records.order, records.position);
  const positionId = res.order.positionId;
  if (res.status === "duplicate") {
    log.info("paper.entry.duplicate", { ...fields, positionId });
    return { status: "duplicate", reasons: [], positionId };
  }
  if (decision.mode === "paper") {
    log.info("paper.entry", {
      ...fields,
      positionId,
      underlying: records.order.underlying,
      strategy: records.order.strategy,
    });
    return { status: "entered", reasons: [], positionId };
  }
  if (!place) throw new Error("unreachable: live-confirmed without a placing gateway");
  const broker = await place(liveOrderRequest(records.order)).catch((err: Error): LiveOrderResult => ({
    ok: false,
    errors: [`placement failed: ${err.message}`],
  }));
  if (broker.ok) {
    log.info("live.order", { ...fields, positionId, brokerOrderId: broker.orderId, status: broker.status });
    return { status: "placed", reasons: [], positionId, broker };
  }
  log.error("live.order.rejected", { ...fields, positionId, errors: broker.errors });
  // Never executed: closed at its own credit (zero P&L) through the one close path.
  await recordClose({ orders: deps.orders, log }, res.position, {
    exitDebit: res.position.entryCredit,
    legs: records.order.legs,
    time: records.order.time,
    underlyingPrice: records.order.underlyingPrice,
    underlyingSource: records.order.underlyingSource ?? "none",
    reason: "live-rejected",
    fees: NO_FEES,
  });
  return { status: "refused", reasons: brokerReasons(broker), positionId, broker };
}
