import type { Command } from "commander";
import { listReservations, usd, type ListedReservation } from "@stratdeck/core/ledger";
import { emit } from "../support/output";
import { withDeps } from "../support/deps";
import { action } from "../support/run";

/** What `stratdeck claims` prints. */
interface ClaimsReport {
  /** Reserved max loss of every entry counted, cents. */
  totalCents: number;
  reservations: Array<Omit<ListedReservation, "leaseUntil"> & { leaseUntil: string | null }>;
}

/** `stratdeck claims`: every reservation held, by whom, until when (after the start-up sweep). */
export function registerClaims(command: Command): void {
  command.option("--json", "print one JSON document").action(
    action(async (opts: { json?: boolean }) => {
      const report = await withDeps(async (deps): Promise<ClaimsReport> => {
        const listed = await listReservations(deps.orders, deps.clock.now());
        return {
          totalCents: listed.totalCents,
          reservations: listed.reservations.map((r) => ({
            ...r,
            leaseUntil: r.leaseUntil === null ? null : new Date(r.leaseUntil).toISOString(),
          })),
        };
      });
      emit(report, opts, human);
    }),
  );
}

const STATE: Record<ListedReservation["state"], string> = {
  open: "open position",
  closed: "closed position (release pending)",
  "pending-order": "order working at the broker (followed by the next run or the reconcile job)",
  "order-only": "ORDER WITHOUT ITS POSITION (run its slot again to write it)",
  none: "entry in progress, nothing written yet",
};

function human(r: ClaimsReport): string {
  if (r.reservations.length === 0) return "no reservations held";
  const lines = r.reservations.map((x) => {
    const lease =
      x.state === "none" ? `, lease ${x.leaseEnded ? "ENDED" : "until"} ${x.leaseUntil ?? "(none)"}` : "";
    return `${x.holder}: ${STATE[x.state]}, risk ${usd(x.riskCents)}${x.counted ? "" : " (not counted yet)"}${lease}; claims ${x.keys.join(", ") || "(none yet)"}`;
  });
  return [...lines, `total reserved risk ${usd(r.totalCents)}`].join("\n");
}
