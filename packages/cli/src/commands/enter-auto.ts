import type { Command } from "commander";
import { enterAutomatically } from "@stratdeck/core/entry";
import { isSlot, paperSettingsFromStrategies, type EnterAutoResult } from "@stratdeck/core/ledger";
import { generateIdeas } from "@stratdeck/core/strategies";
import { nyTimeText, nyWallTimeToUtc } from "@stratdeck/core/time";
import { emit } from "../support/output";
import { withDeps } from "../support/deps";
import { action, exitIfGuardRefused, OptionError } from "../support/run";
import { strategyOption } from "../support/strategy-option";

interface Options {
  json?: boolean;
  slot?: string;
  strategy?: string;
  confirmLive?: boolean;
}

/** `stratdeck enter-auto`: scan, then enter the best passing ideas (paper unless live is armed). */
export function registerEnterAuto(command: Command): void {
  command
    .option("--json", "print one JSON document")
    .option(
      "--slot <YYYY-MM-DDTHH:MM>",
      "schedule slot (New York minute); a rerun of the same slot writes nothing",
    )
    .option("--strategy <name>", "only this strategy")
    .option(
      "--confirm-live",
      "with STRATDECK_TRADING_MODE=live and STRATDECK_LIVE_ARMED=YES: place real orders instead of dry-runs",
    )
    .action(
      action(async (opts: Options) => {
        strategyOption(opts.strategy);
        if (opts.slot !== undefined && !isSlot(opts.slot)) {
          throw new OptionError(`--slot must be a New York minute YYYY-MM-DDTHH:MM, got "${opts.slot}"`);
        }
        const result = await withDeps(async (deps) => {
          const report = await generateIdeas(deps, opts.strategy ? { strategy: opts.strategy } : {});
          return enterAutomatically(deps, report.ideas, {
            ...(opts.slot ? { slot: opts.slot } : {}),
            confirm: opts.confirmLive === true,
            settings: paperSettingsFromStrategies(deps.strategies),
          });
        });
        emit(result, opts, human);
        exitIfGuardRefused(result);
      }),
    );
}

function human(r: EnterAutoResult): string {
  if (r.decision.mode === "refused") return `REFUSED: ${r.decision.reason}`;
  const lines = [
    `slot ${slotText(r.slot)} (${r.decision.mode}): ${r.entered} entered, ${r.outcomes.length} ideas`,
  ];
  for (const o of r.outcomes) {
    const what = o.credit !== undefined ? ` credit ${o.credit.toFixed(2)}` : "";
    const why = o.reasons.length > 0 ? ` — ${o.reasons.map((x) => x.message).join("; ")}` : "";
    lines.push(
      `  ${o.status.padEnd(9)} ${o.strategy} ${o.underlying}${what}${o.positionId ? ` ${o.positionId}` : ""}${why}`,
    );
  }
  return lines.join("\n");
}

/** A slot (a New York minute, `YYYY-MM-DDTHH:MM`) with its zone: `2026-12-04 10:00 EST`. */
function slotText(slot: string): string {
  const [date = "", hhmm = ""] = slot.split("T");
  const [h = 0, m = 0] = hhmm.split(":").map(Number);
  return nyTimeText(nyWallTimeToUtc(date, h * 60 + m));
}
