import type { Log } from "../log/log";
import {
  reclaimClaims,
  type HeldReservation,
  type ReclaimOptions,
  type ReclaimReport,
} from "./reclaim-claims";
import type { ReservationStore } from "./reservation-book";

const fieldsOf = (h: HeldReservation) => ({
  holder: h.holder,
  state: h.state,
  riskCents: h.riskCents,
  leaseUntil: h.leaseUntil === null ? null : new Date(h.leaseUntil).toISOString(),
  keys: h.keys,
});

/**
 * {@link reclaimClaims}, logged: `claims.migrated` (the book was built from state written before
 * it), `claims.reclaimed` for each entry that never finished (its lease ended, or every holder is
 * gone), `claims.released` for a closed position's leftover, and `claims.orphan-order` (an error:
 * an order in the log without its position, kept and shown, never released).
 */
export async function reclaimLogged(
  store: ReservationStore,
  now: number,
  log: Log,
  options: ReclaimOptions = {},
): Promise<ReclaimReport> {
  const report = await reclaimClaims(store, now, options);
  if (report.migrated) log.info("claims.migrated", { totalCents: report.totalCents });
  for (const h of report.reclaimed) log.warn("claims.reclaimed", fieldsOf(h));
  for (const h of report.released) log.warn("claims.released", fieldsOf(h));
  for (const h of report.orphanOrders)
    log.error("claims.orphan-order", {
      ...fieldsOf(h),
      message: `order ${h.holder}:open is in the log without its position: its claims stay held; run the same slot again to write the position`,
    });
  return report;
}
