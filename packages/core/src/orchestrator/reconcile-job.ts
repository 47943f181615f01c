import type { NotifyOnceDeps } from "../alerts/notify-once";
import {
  finishPendingOrders,
  isLiveBroker,
  reconcileLive,
  type FinishReport,
  type ReconcileReport,
} from "../venues/tastytrade/index";
import { DEFAULT_FEE_SCHEDULE, type EnterAutoDeps, type FeeSchedule } from "../ledger/index";

/**
 * Finishes the orders of runs that stopped mid-order ({@link finishPendingOrders}), then reconciles
 * live positions with the broker; in paper mode (or without a broker that reports positions) there
 * is nothing live to compare and it says so.
 */
export async function runReconcileJob(
  deps: Pick<EnterAutoDeps, "config" | "orders" | "clock" | "log" | "live"> &
    Partial<NotifyOnceDeps> & {
      /** The fee model's schedule for fills of a finished order; default tastytrade's published one. */
      feeSchedule?: FeeSchedule;
      /** Waits between order polls (tests); default a real timer. */
      sleep?: (ms: number) => Promise<void>;
    },
): Promise<(ReconcileReport & { pending: FinishReport }) | { skipped: string }> {
  if (deps.config.tradingMode !== "live" || !isLiveBroker(deps.live)) {
    return { skipped: "not in live trading mode: no live positions to reconcile" };
  }
  const settings = deps.config.live;
  const pending = settings
    ? await finishPendingOrders({
        ...deps,
        broker: deps.live,
        settings,
        feeSchedule: deps.feeSchedule ?? DEFAULT_FEE_SCHEDULE,
      })
    : { finished: [], active: [], unresolved: [] };
  return { ...(await reconcileLive({ ...deps, broker: deps.live })), pending };
}
