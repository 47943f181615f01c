import type { Command } from "commander";
import { closePosition, paperSettingsFromStrategies, usd, type CloseResult } from "@stratdeck/core/paper";
import { emit, ExitCode } from "../support/output";
import { withDeps } from "../support/deps";
import { action } from "../support/run";

/** `stratdeck close <positionId>`: close a paper position at the fill model's price now. */
export function registerClose(program: Command): void {
  program
    .command("close")
    .description("close an open paper position at the current closing fill and record its realised P&L")
    .argument("<positionId>", "position id (see `stratdeck positions`)")
    .option("--json", "print one JSON document")
    .option("--reason <reason>", "why it is closed (recorded in the order log)", "manual")
    .action(
      action(async (positionId: string, opts: { json?: boolean; reason: string }) => {
        const r = await withDeps((deps) =>
          closePosition(deps, positionId, {
            reason: opts.reason,
            settings: paperSettingsFromStrategies(deps.strategies),
          }),
        );
        emit(r, opts, human);
        if (r.status === "not-found") throw new ExitCode(4);
        if (r.status === "refused") throw new ExitCode(1);
      }),
    );
}

function human(r: CloseResult): string {
  switch (r.status) {
    case "closed":
      return `closed ${r.position.positionId}: debit ${r.position.exitDebit?.toFixed(2)}, realised P&L gross ${usd(r.realizedPnlCents)}, fees ${usd(r.position.feesCents ?? 0)}, net ${usd(r.position.netPnlCents ?? r.realizedPnlCents)}`;
    case "already-closed":
      return `${r.position.positionId} was already closed (${r.position.closeReason}, P&L gross ${usd(r.position.realizedPnlCents ?? 0)}, net ${usd(r.position.netPnlCents ?? r.position.realizedPnlCents ?? 0)})`;
    case "refused":
      return `NOT closed ${r.positionId}: ${r.reasons.map((x) => x.message).join("; ")}`;
    case "not-found":
      return `no position ${r.positionId}`;
  }
}
