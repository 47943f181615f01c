import type { NotifyOnceDeps } from "../../alerts/notify-once";
import type { LiveConfig } from "../../config/app-config";
import type { Log } from "../../log/log";
import type { EntryRecords } from "../../ledger/entry-order";
import type { PaperOrderStore } from "../../ledger/paper-order-store";
import type { Clock } from "../../time/clock";
import type { FillBook, OpenOutcome } from "../venue";
import type { LiveBroker } from "./live-broker";
import { finishPendingOrders } from "./finish-pending";
import { enterLive } from "./live-entry";

/** What a confirmed live entry needs. */
export interface LiveSubmitDeps extends Partial<Pick<NotifyOnceDeps, "alerts" | "notifier">> {
  orders: PaperOrderStore;
  broker: LiveBroker;
  clock: Clock;
  settings: LiveConfig;
  /** Where fills are written (with the fee schedule charged on them). */
  book: FillBook;
  /** Waits between order polls (tests); default a real timer. */
  sleep?: (ms: number) => Promise<void>;
}

/**
 * A confirmed live entry: the orders of runs that stopped mid-order are finished first
 * ({@link finishPendingOrders}), then {@link enterLive}; its execution is summarised as the broker
 * reply of the outcome.
 */
export async function submitLive(
  deps: LiveSubmitDeps,
  records: EntryRecords,
  log: Log,
): Promise<OpenOutcome> {
  const sleep = deps.sleep ? { sleep: deps.sleep } : {};
  await finishPendingOrders({ ...deps, log, ...sleep });
  const r = await enterLive(deps, records, log);
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
