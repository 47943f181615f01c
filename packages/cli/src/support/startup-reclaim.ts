import { reclaimLogged } from "@stratdeck/core/ledger";
import type { Deps } from "@stratdeck/core/wiring";

/**
 * Local start-up's lease sweep: on the embedded engine (this process holds the state folder's lock,
 * or is the local stack starting), no other process can be mid-entry, so every reservation whose
 * holder wrote nothing is reclaimed now, lease or not; pending broker orders and orders without
 * their position are kept and logged (see `reclaimLogged`). A failure is logged, never fatal: the
 * next run or start-up tries again.
 */
export async function startupReclaim(
  deps: Pick<Deps, "orders" | "clock" | "log" | "endpoints">,
): Promise<void> {
  if (deps.endpoints.storage !== "embedded") return;
  try {
    await reclaimLogged(deps.orders, deps.clock.now(), deps.log, { holdersGone: true });
  } catch (err) {
    deps.log.error("claims.reclaim-failed", { message: (err as Error).message });
  }
}
