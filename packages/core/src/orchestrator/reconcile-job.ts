import type { NotifyOnceDeps } from "../alerts/notify-once";
import { isLiveBroker, reconcileLive, type ReconcileReport } from "../live/index";
import type { EnterAutoDeps } from "../paper/index";

/**
 * Reconciles live positions with the broker; in paper mode (or without a broker that reports
 * positions) there is nothing live to compare and it says so.
 */
export async function runReconcileJob(
  deps: Pick<EnterAutoDeps, "config" | "orders" | "clock" | "log" | "live"> & Partial<NotifyOnceDeps>,
): Promise<ReconcileReport | { skipped: string }> {
  if (deps.config.tradingMode !== "live" || !isLiveBroker(deps.live)) {
    return { skipped: "not in live trading mode: no live positions to reconcile" };
  }
  return reconcileLive({ ...deps, broker: deps.live });
}
