import type { NotifyOnceDeps } from "../../alerts/notify-once";
import type { GuardConfig } from "../../guard/trading-decision";
import type { FeeSchedule } from "../../ledger/fee-model";
import type { Log } from "../../log/log";
import type { EntryRecords } from "../../ledger/entry-order";
import type { LiveOrderGateway } from "./live-order-gateway";
import type { PaperOrderStore } from "../../ledger/paper-order-store";
import type { SubmitOutcome } from "../../ledger/submit-entry";
import type { Clock } from "../../time/clock";
import { isLiveBroker } from "./live-broker";
import { DEFAULT_FEE_SCHEDULE } from "../../ledger/fee-model";
import { finishPendingOrders } from "./finish-pending";
import { enterLive } from "./live-entry";

/** What a confirmed live entry needs besides the order log and the gateway. */
export interface LiveSubmitDeps extends Partial<Pick<NotifyOnceDeps, "alerts" | "notifier">> {
  clock: Clock;
  config: GuardConfig;
  /** The fee model's schedule, charged on what the broker filled. */
  feeSchedule: FeeSchedule;
  /** Waits between order polls (tests); default a real timer. */
  sleep?: (ms: number) => Promise<void>;
}

/**
 * The confirmed-live branch of an entry: refused (nothing placed) without a gateway that can place
 * and follow orders or without live settings; otherwise the orders of runs that stopped mid-order
 * are finished first ({@link finishPendingOrders}), then {@link enterLive}.
 */
export async function submitLive(
  deps: { orders: PaperOrderStore; live?: LiveOrderGateway } & Partial<LiveSubmitDeps>,
  records: EntryRecords,
  log: Log,
): Promise<SubmitOutcome> {
  const settings = deps.config?.live;
  if (!isLiveBroker(deps.live) || !settings || !deps.clock) {
    const reasons = [{ code: "no-live-gateway", message: "no broker gateway that can place orders" }];
    log.error("live.order.refused", { key: records.order.idempotencyKey, reasons });
    return { status: "refused", reasons };
  }
  await finishPendingOrders({
    orders: deps.orders,
    broker: deps.live,
    clock: deps.clock,
    log,
    settings,
    feeSchedule: deps.feeSchedule ?? DEFAULT_FEE_SCHEDULE,
    ...(deps.sleep ? { sleep: deps.sleep } : {}),
  });
  const r = await enterLive(
    {
      orders: deps.orders,
      broker: deps.live,
      clock: deps.clock,
      settings,
      ...(deps.alerts ? { alerts: deps.alerts } : {}),
      ...(deps.notifier ? { notifier: deps.notifier } : {}),
      ...(deps.sleep ? { sleep: deps.sleep } : {}),
      ...(deps.feeSchedule ? { feeSchedule: deps.feeSchedule } : {}),
    },
    records,
    log,
  );
  const e = r.execution;
  return {
    status: r.status,
    reasons: r.reasons,
    ...(r.positionId ? { positionId: r.positionId } : {}),
    ...(e
      ? {
          broker: {
            ok: e.fills.spreads > 0,
            ...(e.orderIds.length > 0 ? { orderId: e.orderIds[e.orderIds.length - 1] } : {}),
            status: e.attempts[e.attempts.length - 1]?.status ?? e.status,
            details: {
              execution: e.status,
              filled: e.fills.spreads,
              quantity: e.quantity,
              attempts: e.attempts,
            },
          },
        }
      : {}),
  };
}
