import type { AllowedDecision } from "../guard/trading-decision";
import type { Log } from "../log/log";
import { submitLive, type LiveSubmitDeps } from "../venues/tastytrade/submit-live";
import type { EntryRecords } from "./entry-order";
import type { Refusal } from "./leg-fill";
import {
  liveOrderRequest,
  type LiveOrderGateway,
  type LiveOrderResult,
} from "../venues/tastytrade/live-order-gateway";
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
 * order log. Dry-run: the broker validates it; nothing is written. Confirmed live: the hard limits,
 * then dry-run, place, follow and record what the broker filled (`@stratdeck/core/venues/tastytrade`).
 */
export async function submitEntry(
  deps: { orders: PaperOrderStore; live?: LiveOrderGateway } & Partial<LiveSubmitDeps>,
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
  if (decision.mode === "live-confirmed") return submitLive(deps, records, log);
  const res = await deps.orders.open(records.order, records.position);
  const positionId = res.order.positionId;
  if (res.status === "duplicate") {
    log.info("paper.entry.duplicate", { ...fields, positionId });
    return { status: "duplicate", reasons: [], positionId };
  }
  log.info("paper.entry", {
    ...fields,
    positionId,
    underlying: records.order.underlying,
    strategy: records.order.strategy,
  });
  return { status: "entered", reasons: [], positionId };
}
