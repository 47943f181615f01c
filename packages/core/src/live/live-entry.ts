import type { LiveConfig } from "../config/app-config";
import type { NotifyOnceDeps } from "../alerts/notify-once";
import type { Log } from "../log/log";
import { tickFor } from "../market-data/option-chain";
import type { EntryRecords } from "../paper/entry-order";
import type { Refusal } from "../paper/leg-fill";
import { liveOrderRequest } from "../paper/live-order-gateway";
import type { PaperOrderStore } from "../paper/paper-order-store";
import type { Clock } from "../time/clock";
import { nyDate } from "../time/new-york";
import { executeOrder, type Execution } from "./execute-order";
import type { FeeSchedule } from "../paper/fee-model";
import { filledEntryRecords } from "./filled-records";
import type { LiveBroker } from "./live-broker";
import { liveAlert } from "./live-alert";
import { liveLimitBlocks } from "./live-limits";

/** Deps of {@link enterLive}. */
export interface LiveEntryDeps extends Partial<Pick<NotifyOnceDeps, "alerts" | "notifier">> {
  orders: PaperOrderStore;
  broker: LiveBroker;
  clock: Clock;
  settings: LiveConfig;
  /** The fee model's schedule, charged on what filled (default: tastytrade's published one). */
  feeSchedule?: FeeSchedule;
  sleep?: (ms: number) => Promise<void>;
}

/** Where a live entry ended. */
export interface LiveEntryOutcome {
  status: "placed" | "refused" | "duplicate";
  reasons: Refusal[];
  positionId?: string;
  execution?: Execution;
}

/**
 * Natural price of an order-log entry, unsigned USD per share: a credit entry sells at the bids and
 * buys at the asks (a debit the reverse); undefined when a quote side is missing.
 */
export function naturalPrice(records: EntryRecords): number | undefined {
  let net = 0;
  for (const l of records.order.legs) {
    const sell = l.action.startsWith("S");
    const px = sell ? l.bid : l.ask;
    if (px === undefined) return undefined;
    net += (sell ? px : -px) * l.ratio;
  }
  return Math.abs(Math.round(net * 100) / 100);
}

/**
 * A confirmed live entry: the hard limits first (each refusal logged as `live.limit.refused` and
 * alerted once a day per limit), then dry-run, place, follow, cancel and walk ({@link executeOrder}),
 * and only what the broker filled is written to the order log (mode `live`, prices from the fill
 * report). Nothing filled: nothing is written.
 */
export async function enterLive(
  deps: LiveEntryDeps,
  records: EntryRecords,
  log: Log,
): Promise<LiveEntryOutcome> {
  const request = liveOrderRequest(records.order);
  const contracts = Math.max(...request.legs.map((l) => l.quantity));
  const now = deps.clock.now();
  const blocks = await liveLimitBlocks(deps.orders, deps.settings, contracts, now);
  if (blocks.length > 0) {
    log.error("live.limit.refused", { key: records.order.idempotencyKey, reasons: blocks });
    for (const b of blocks)
      await liveAlert(
        { ...deps, log },
        {
          rule: `limit:${b.code}:${nyDate(now)}`,
          subject: "StratDeck: live entry refused by a hard limit",
          message: b.message,
          details: { code: b.code, key: records.order.idempotencyKey },
        },
      );
    return { status: "refused", reasons: blocks };
  }
  const execution = await executeOrder(
    {
      broker: deps.broker,
      clock: deps.clock,
      log,
      settings: deps.settings,
      ...(deps.sleep ? { sleep: deps.sleep } : {}),
    },
    {
      order: request,
      tick: tickFor(
        records.position.tickSizes ?? [{ value: 0.05, threshold: 3 }, { value: 0.1 }],
        request.price,
      ),
      ...(naturalPrice(records) !== undefined ? { natural: naturalPrice(records) } : {}),
    },
  );
  if (execution.fills.spreads === 0) {
    const reasons = execution.reasons.map((message) => ({ code: `live-${execution.status}`, message }));
    log.warn("live.order.unfilled", { key: records.order.idempotencyKey, status: execution.status, reasons });
    return { status: "refused", reasons, execution };
  }
  const filled = filledEntryRecords(records, execution.fills, execution.orderIds, deps.feeSchedule);
  const res = await deps.orders.open(filled.order, filled.position);
  const positionId = res.order.positionId;
  log.info("live.order.filled", {
    key: records.order.idempotencyKey,
    positionId,
    status: execution.status,
    quantity: filled.order.quantity,
    credit: filled.position.entryCredit,
    brokerOrderIds: execution.orderIds,
  });
  if (res.status === "duplicate") {
    log.error("live.order.duplicate", { positionId, brokerOrderIds: execution.orderIds });
    return { status: "duplicate", reasons: [], positionId, execution };
  }
  const reasons =
    execution.status === "partial"
      ? execution.reasons.map((message) => ({ code: "live-partial", message }))
      : [];
  return { status: "placed", reasons, positionId, execution };
}
