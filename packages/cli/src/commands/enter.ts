import type { Command } from "commander";
import { enterIdea, MAX_ENTER_QUANTITY, type EnterIdeaResult } from "@stratdeck/core/entry";
import { paperSettingsFromStrategies } from "@stratdeck/core/ledger";
import { NotFoundError } from "../support/cli-errors";
import { emit, ExitCode } from "../support/output";
import { withDeps } from "../support/deps";
import { intOption } from "../support/option-values";
import { action, exitIfGuardRefused, EXIT } from "../support/run";

interface Options {
  json?: boolean;
  quantity?: string;
  confirmLive?: boolean;
}

/** `stratdeck enter IDEA_ID [--quantity N]`: enter one chosen idea of the latest ideas report. */
export function registerEnter(command: Command): void {
  command
    .argument("<ideaId>", "idea id as `trade-ideas --json` or GET /ideas lists it")
    .option("--json", "print one JSON document")
    .option("--quantity <n>", `spreads to trade, 1-${MAX_ENTER_QUANTITY} (default: the strategy's quantity)`)
    .option(
      "--confirm-live",
      "with STRATDECK_TRADING_MODE=live and STRATDECK_LIVE_ARMED=YES: place a real order instead of a dry-run",
    )
    .action(
      action(async (ideaId: string, opts: Options) => {
        const quantity = intOption("--quantity", opts.quantity, 1, MAX_ENTER_QUANTITY);
        const r = await withDeps(async (deps) => {
          return enterIdea(deps, ideaId, {
            ...(quantity !== undefined ? { quantity } : {}),
            confirm: opts.confirmLive === true,
            settings: paperSettingsFromStrategies(deps.strategies),
          });
        });
        if (r.status === "not-found") throw new NotFoundError(r.message, { ideaId });
        emit(r, opts, human);
        if (r.status === "attempted") exitIfGuardRefused({ ...r.entry, outcomes: [r.outcome] });
        const done =
          r.status === "attempted" &&
          ["entered", "placed", "duplicate", "dry-run"].includes(r.outcome.status);
        if (!done) throw new ExitCode(EXIT.failure);
      }),
    );
}

function human(r: EnterIdeaResult): string {
  if (r.status === "not-found") return `NOT entered: ${r.message}`;
  if (r.status === "refused") return `NOT entered ${r.ideaId}: ${r.reasons.map((x) => x.message).join("; ")}`;
  const o = r.outcome;
  const what = o.credit !== undefined ? ` credit ${o.credit.toFixed(2)}` : "";
  const why = o.reasons.length > 0 ? ` — ${o.reasons.map((x) => x.message).join("; ")}` : "";
  return `${o.status} ${o.strategy} ${o.underlying}${what}${o.positionId ? ` ${o.positionId}` : ""} (slot ${r.entry.slot}, ${r.entry.decision.mode})${why}`;
}
