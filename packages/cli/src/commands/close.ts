import type { Command } from "commander";
import { closePosition, paperSettingsFromStrategies, usd, type CloseResult } from "@stratdeck/core/ledger";
import { CliError, EXIT, NotFoundError } from "../support/cli-errors";
import { emit } from "../support/output";
import { withDeps } from "../support/deps";
import { action } from "../support/run";

interface Options {
  json?: boolean;
  reason: string;
  confirmLive?: boolean;
}

/**
 * `stratdeck close <positionId>`: close a paper position at the fill model's price now; a live
 * position is closed at the broker behind the tripwire (`--confirm-live`).
 */
export function registerClose(command: Command): void {
  command
    .argument("<positionId>", "position id (see `stratdeck positions`)")
    .option("--json", "print one JSON document")
    .option("--reason <reason>", "why it is closed (recorded in the order log)", "manual")
    .option(
      "--confirm-live",
      "for a live position, with STRATDECK_TRADING_MODE=live and STRATDECK_LIVE_ARMED=YES: place the closing order (else dry-run)",
    )
    .action(
      action(async (positionId: string, opts: Options) => {
        const r = await withDeps((deps) =>
          closePosition(deps, positionId, {
            confirm: opts.confirmLive === true,
            reason: opts.reason,
            settings: paperSettingsFromStrategies(deps.strategies),
          }),
        );
        if (r.status === "not-found") throw new NotFoundError(`no position ${positionId}`, { positionId });
        if (r.status === "guard-refused") throw new CliError("trading-refused", r.reason, EXIT.refused);
        if (r.status === "refused")
          throw new CliError(
            "close-refused",
            `NOT closed ${r.positionId}: ${r.reasons.map((x) => x.message).join("; ")}`,
            EXIT.failure,
            { positionId: r.positionId, reasons: r.reasons },
          );
        emit(r, opts, human);
      }),
    );
}

/** A close that happened (or was dry-run); the refusals and not-found are errors above. */
function human(r: CloseResult): string {
  switch (r.status) {
    case "closed":
      if (r.position.status === "open")
        return `partly closed ${r.position.positionId}: ${r.order.quantity} spreads at a ${r.order.side} of ${r.order.price.toFixed(2)}, ${r.position.quantity} still open (close again for the rest); realised so far gross ${usd(r.realizedPnlCents)}`;
      return `closed ${r.position.positionId}: debit ${r.position.exitDebit?.toFixed(2)}, realised P&L gross ${usd(r.realizedPnlCents)}, fees ${usd(r.position.feesCents ?? 0)}, net ${usd(r.position.netPnlCents ?? r.realizedPnlCents)}`;
    case "already-closed":
      return `${r.position.positionId} was already closed (${r.position.closeReason}, P&L gross ${usd(r.position.realizedPnlCents ?? 0)}, net ${usd(r.position.netPnlCents ?? r.position.realizedPnlCents ?? 0)})`;
    case "refused":
      return `NOT closed ${r.positionId}: ${r.reasons.map((x) => x.message).join("; ")}`;
    case "not-found":
      return `no position ${r.positionId}`;
    case "dry-run":
      return `dry run of the close of ${r.positionId}: ${r.broker.ok ? "accepted" : (r.broker.errors ?? []).join("; ")} (add --confirm-live to place it)`;
    case "guard-refused":
      return `REFUSED: ${r.reason}`;
  }
}
