import type { Command } from "commander";
import {
  markPositions,
  paperSettingsFromStrategies,
  usd,
  type PositionsReport,
} from "@stratdeck/core/ledger";
import { emit } from "../support/output";
import { withDeps } from "../support/deps";
import { formatMark } from "../support/paper";
import { action } from "../support/run";

/** `stratdeck positions`: open paper positions marked to market. */
export function registerPositions(command: Command): void {
  command.option("--json", "print one JSON document").action(
    action(async (opts: { json?: boolean }) => {
      const report = await withDeps((deps) =>
        markPositions(deps, { settings: paperSettingsFromStrategies(deps.strategies) }),
      );
      emit(report, opts, human);
    }),
  );
}

function human(r: PositionsReport): string {
  if (r.positions.length === 0) return "no open positions";
  const total = `${r.positions.length} open, total P&L gross ${usd(r.totalPnlCents)}, fees ${usd(r.totalFeesCents)}, net ${usd(r.totalNetPnlCents)}${r.unpriced ? ` (${r.unpriced} unpriced)` : ""}`;
  return [...r.positions.flatMap(formatMark), total].join("\n");
}
