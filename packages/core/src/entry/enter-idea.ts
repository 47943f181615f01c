import { enterAuto, type EnterAutoDeps, type EnterAutoResult, type EntryOutcome } from "../ledger/enter-auto";
import type { Refusal } from "../ledger/leg-fill";
import type { PaperSettings } from "../ledger/paper-settings";
import { IDEAS_REPORT_ID, type StoredIdeasReport } from "../orchestrator/job-status";
import { slotOf } from "../orchestrator/slot";
import type { StatusStore } from "../status/status-store";
import type { StrategiesConfig } from "../strategies/config-types";
import { readEntryModes } from "./entry-mode";

/**
 * Oldest stored idea that may be entered by hand, ms: one ideas period (30 min) plus 5 min. The
 * legs are re-quoted and filled at entry either way; this keeps a trader from entering strikes
 * chosen in a market that has moved on (Rescan builds fresh ones).
 */
export const MAX_IDEA_AGE_MS = 35 * 60_000;

/** Idempotency-key prefix of entries by hand (never the key of a scheduled run's entry). */
export const MANUAL_KEY_PREFIX = "manual|";

/** Largest `quantity` accepted for one entry by hand (the risk limits still apply). */
export const MAX_ENTER_QUANTITY = 100;

/** Deps of {@link enterIdea}: the entry deps, the stored report and the entry modes. */
export type EnterIdeaDeps = EnterAutoDeps & {
  status: Pick<StatusStore, "read">;
  strategies: Pick<StrategiesConfig, "strategies">;
};

/** Options of {@link enterIdea}. */
export interface EnterIdeaOptions {
  /** Spreads to trade (default: the idea's own quantity from strategies.yaml). */
  quantity?: number;
  /** Operator confirmation of a live order (only matters when live trading is armed). */
  confirm?: boolean;
  /** Risk limits, fill settings and the fee schedule (required: `paperSettingsFromStrategies`). */
  settings: PaperSettings;
}

/** What {@link enterIdea} did. */
export type EnterIdeaResult =
  | { status: "not-found"; ideaId: string; message: string }
  | { status: "refused"; ideaId: string; reasons: Refusal[] }
  | { status: "attempted"; ideaId: string; outcome: EntryOutcome; entry: EnterAutoResult };

/**
 * Enters one chosen idea of the latest stored ideas report (`stratdeck enter`, `POST
 * /ideas/{id}/enter`, the phone's Enter): the strategy must not be `paused` and the idea not older
 * than {@link MAX_IDEA_AGE_MS}; then the idea goes through {@link enterAuto}, the same guard, risk
 * limits, re-quote, fill, reservations and order log as automatic entry, in the current New York
 * minute's slot under its own key (`manual|strategy|underlying|slot`: pressing Enter twice in a minute enters once). A manual close does not block it.
 */
export async function enterIdea(
  deps: EnterIdeaDeps,
  ideaId: string,
  options: EnterIdeaOptions,
): Promise<EnterIdeaResult> {
  const stored = await deps.status.read<StoredIdeasReport>(IDEAS_REPORT_ID);
  const idea = stored?.data.report.ideas.find((i) => i.id === ideaId);
  if (!idea)
    return {
      status: "not-found",
      ideaId,
      message: stored
        ? `no idea ${ideaId} in the latest ideas report (ideas change with every scan: rescan and pick again)`
        : "no ideas report yet: run a scan (Rescan, or wait for the ideas job)",
    };
  const refuse = (code: string, message: string): EnterIdeaResult => ({
    status: "refused",
    ideaId,
    reasons: [{ code, message }],
  });
  const mode = (await readEntryModes(deps.status, deps.strategies))[idea.strategy]?.mode ?? "auto";
  if (mode === "paused") return refuse("entry-mode-paused", `${idea.strategy} entry mode is paused`);
  const age = deps.clock.now() - idea.builtAt;
  if (age > MAX_IDEA_AGE_MS)
    return refuse(
      "idea-too-old",
      `idea built ${Math.round(age / 60_000)} min ago (max ${MAX_IDEA_AGE_MS / 60_000}); rescan and pick again`,
    );
  const chosen = options.quantity !== undefined ? { ...idea, quantity: options.quantity } : idea;
  const entry = await enterAuto(deps, [chosen], {
    slot: slotOf(deps.clock.now(), 1),
    keyPrefix: MANUAL_KEY_PREFIX,
    confirm: options.confirm === true,
    settings: options.settings,
  });
  const outcome = entry.outcomes[0];
  if (!outcome) return refuse("no-outcome", "the entry produced no outcome");
  return { status: "attempted", ideaId, outcome, entry };
}
