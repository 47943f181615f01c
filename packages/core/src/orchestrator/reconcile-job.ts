import type { NotifyOnceDeps } from "../alerts/notify-once";
import type { FinishReport, ReconcileReport } from "../venues/venue";
import type { StrategiesConfig } from "../strategies/config-types";
import { finishPending, reclaimLogged, type EnterAutoDeps } from "../ledger/index";

/**
 * Finishes the orders of runs that stopped mid-order (every venue's {@link finishPending}), reclaims
 * the reservations of entries that stopped before writing anything ({@link reclaimLogged}), then
 * reconciles the entry venue's positions with the order log; a venue with no broker (paper) has
 * nothing to compare and it says so.
 */
export async function runReconcileJob(
  deps: Pick<EnterAutoDeps, "orders" | "clock" | "log" | "venues"> &
    Partial<NotifyOnceDeps> & {
      /** Their `fees` charge the fills of a finished order (the file's `fees:` over tastytrade's schedule). */
      strategies: Pick<StrategiesConfig, "fees">;
    },
): Promise<(ReconcileReport & { pending: FinishReport }) | { skipped: string }> {
  const pending = await finishPending({ ...deps, feeSchedule: deps.strategies.fees });
  // Then the lease sweep: pending orders are finished first, so an expiry never frees what filled.
  await reclaimLogged(deps.orders, deps.clock.now(), deps.log);
  const report = await deps.venues.entry.reconcile();
  if (!report) return { skipped: "not in live trading mode: no live positions to reconcile" };
  return { ...report, pending };
}
