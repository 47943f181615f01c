import type { Command } from "commander";
import {
  checkExits,
  paperSettingsFromStrategies,
  settleExpired,
  usd,
  type CheckExitsResult,
  type SettleResult,
} from "@stratdeck/core/ledger";
import { nyTimeText } from "@stratdeck/core/time";
import { emit } from "../support/output";
import { withDeps } from "../support/deps";
import { action } from "../support/run";

interface Result {
  settlement: SettleResult | null;
  exits: CheckExitsResult;
}

/** `stratdeck check-exits`: settle expired positions, then list exit candidates and alert once. */
export function registerCheckExits(command: Command): void {
  command
    .option("--json", "print one JSON document")
    .option("--no-settle", "skip settling expired positions")
    .action(
      action(async (opts: { json?: boolean; settle: boolean }) => {
        const result = await withDeps(async (deps): Promise<Result> => {
          const settlement = opts.settle ? await settleExpired(deps) : null;
          const exits = await checkExits(deps, { settings: paperSettingsFromStrategies(deps.strategies) });
          return { settlement, exits };
        });
        emit(result, opts, human);
      }),
    );
}

function human({ settlement, exits }: Result): string {
  const lines: string[] = [];
  for (const s of settlement?.settled ?? []) {
    lines.push(
      `settled ${s.positionId} at ${s.settlementPrice} (${s.settlementSource}, ${nyTimeText(s.settlementAt)}): P&L gross ${usd(s.realizedPnlCents)}, fees ${usd(s.feesCents)}, net ${usd(s.netPnlCents)}`,
    );
  }
  for (const a of settlement?.awaiting ?? []) lines.push(`awaiting settlement ${a.positionId}: ${a.reason}`);
  lines.push(`${exits.checked} open positions checked, ${exits.candidates.length} exit candidates`);
  for (const c of exits.candidates)
    lines.push(`  ${c.rule.padEnd(13)} ${c.positionId} ${c.message} [alert ${c.alert}]`);
  for (const u of exits.unpriced) lines.push(`  unpriced      ${u.positionId}: ${u.reason}`);
  return lines.join("\n");
}
