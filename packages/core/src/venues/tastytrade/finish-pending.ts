import { randomUUID } from "node:crypto";
import type { LiveConfig } from "../../config/app-config";
import type { Log } from "../../log/log";
import type { PaperOrderStore } from "../../ledger/paper-order-store";
import { pendingLeaseKey, type PendingOrder } from "../../ledger/pending-order";
import type { Clock } from "../../time/clock";
import type { FillBook, FinishReport } from "../venue";
import { retryBrokerCall } from "./broker-retry";
import { recordEntryOutcome } from "./entry-outcome";
import { followOrder } from "./follow-order";
import type { LiveBroker } from "./live-broker";
import { leaseMs, takeLease } from "./order-journal";
import { cancelReasonOf, orderFills, orderSpreads } from "./order-fills";
import { recordCloseOutcome, type ClosingResult } from "./close-outcome";
import { releaseLiveClose } from "./live-close-claim";

/** Deps of {@link finishPendingOrders}. */
export interface FinishPendingDeps {
  orders: PaperOrderStore;
  broker: Pick<LiveBroker, "getOrder" | "cancelOrder">;
  clock: Clock;
  log: Log;
  settings: Pick<LiveConfig, "pollMs" | "cancelAfterMs">;
  /** Where fills are written (with the fee schedule charged on them). */
  book: FillBook;
  sleep?: (ms: number) => Promise<void>;
}

export type { FinishReport } from "../venue";

const realSleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Finishes the orders of runs that stopped mid-order: every pending record whose lease expired is
 * taken over (a conditional claim: two finishers never both act), its broker order is read,
 * cancelled if still working, followed to a final state, and the outcome recorded exactly as the
 * run that placed it would have: an entry's fills written (or its claims given back), a close's
 * fills written as a (partial) close and its close claim released. Logs `live.order.resume`.
 */
export async function finishPendingOrders(deps: FinishPendingDeps): Promise<FinishReport> {
  const report: FinishReport = { finished: [], active: [], unresolved: [] };
  for (const pending of await deps.orders.listPendingOrders()) {
    report[await finishOne(deps, pending)].push(pending.id);
  }
  return report;
}

async function finishOne(deps: FinishPendingDeps, pending: PendingOrder): Promise<keyof FinishReport> {
  const now = deps.clock.now();
  const holder = await takeLease(deps.orders, pending.id, randomUUID(), now, now + leaseMs(deps.settings));
  if (!holder) {
    deps.log.info("live.order.pending-active", { id: pending.id, brokerOrderId: pending.brokerOrderId });
    return "active";
  }
  const orderId = pending.brokerOrderId;
  if (orderId === undefined) {
    deps.log.error("live.order.unresolved", {
      id: pending.id,
      positionId: pending.positionId,
      request: pending.request,
      message:
        "the placement was sent but its answer never arrived: look for this order at the broker, then delete the pending record",
    });
    await deps.orders.releaseKey(pendingLeaseKey(pending.id), holder);
    return "unresolved";
  }
  deps.log.warn("live.order.resume", {
    id: pending.id,
    brokerOrderId: orderId,
    createdAt: pending.createdAt,
  });
  const follow = { ...deps, sleep: deps.sleep ?? realSleep };
  const current = await retryBrokerCall(follow, "poll", deps.settings.pollMs, () =>
    deps.broker.getOrder(orderId),
  );
  const final = await followOrder(follow, current, { cancelNow: true });
  const fills = orderFills(pending.request, final);
  await recordPendingOutcome(deps, pending, {
    fills,
    ordered: orderSpreads(pending.request),
    brokerOrderIds: [...pending.earlierOrderIds, orderId],
    cancelReason: cancelReasonOf(final.status, true),
  });
  await deps.orders.deletePendingOrder(pending.id);
  await deps.orders.releaseKey(pendingLeaseKey(pending.id), holder);
  deps.log.info("live.order.resumed", {
    id: pending.id,
    brokerOrderId: orderId,
    status: final.status,
    filled: fills.spreads,
  });
  return "finished";
}

/**
 * Records a finished pending order as its run would have: an entry's fills (or its claims given
 * back), a close's fills as a (partial) close and its close claim released.
 */
async function recordPendingOutcome(
  deps: FinishPendingDeps,
  pending: PendingOrder,
  result: ClosingResult,
): Promise<void> {
  if (pending.purpose === "open") {
    if (!pending.entry)
      throw new Error(`pending order ${pending.id}: an open order without its entry records`);
    await recordEntryOutcome(
      deps,
      { entry: pending.entry, positionId: pending.positionId, releaseIfUnfilled: pending.releaseIfUnfilled },
      result.fills,
      result.brokerOrderIds,
      result.cancelReason,
    );
    return;
  }
  if (!pending.close) throw new Error(`pending order ${pending.id}: a close order without its reason`);
  await recordCloseOutcome(
    { ...deps, now: deps.clock.now() },
    { ...pending.close, positionId: pending.positionId },
    result,
  );
  await releaseLiveClose(deps.orders, pending.positionId);
}
