import {
  enterAuto,
  type EnterAutoDeps,
  type EnterAutoOptions,
  type EnterAutoResult,
} from "../ledger/enter-auto";
import { entryKey } from "../ledger/entry-slot";
import type { Refusal } from "../ledger/leg-fill";
import { slotOf } from "../orchestrator/slot";
import type { StatusStore } from "../status/status-store";
import type { StrategiesConfig } from "../strategies/config-types";
import type { Idea } from "../strategies/idea";
import { nyDate } from "../time/new-york";
import { readEntryModes } from "./entry-mode";
import { exposureKey, manualCloseBlocks } from "./manual-close-block";

/** Deps of {@link enterAutomatically}: the entry deps plus the strategies and the override store. */
export type AutomaticEntryDeps = EnterAutoDeps & {
  strategies: Pick<StrategiesConfig, "strategies" | "risk">;
  /** Where phone overrides of the entry modes live (a write-only store reads none). */
  status?: Pick<StatusStore, "read"> | Pick<StatusStore, "beat"> | null;
};

/**
 * Why automatic entry leaves ideas alone, by idea id: the strategy's entry mode is `manual` or
 * `paused`, or (unless `risk.block_reentry_after_manual_close: false`) a position of the same
 * strategy, underlying and expiration was closed by hand.
 */
export async function heldFromAutomaticEntry(
  deps: AutomaticEntryDeps,
  ideas: readonly Idea[],
): Promise<Map<string, Refusal[]>> {
  const status = deps.status && "read" in deps.status ? deps.status : undefined;
  const modes = await readEntryModes(status, deps.strategies);
  const blockReentry = deps.strategies.risk?.blockReentryAfterManualClose !== false;
  const blocks = blockReentry
    ? await manualCloseBlocks(deps.orders, nyDate(deps.clock.now()))
    : new Map<string, never>();
  const held = new Map<string, Refusal[]>();
  for (const idea of ideas) {
    const reasons: Refusal[] = [];
    const mode = modes[idea.strategy]?.mode ?? "auto";
    if (mode !== "auto")
      reasons.push({
        code: `entry-mode-${mode}`,
        message: `${idea.strategy} entry mode is ${mode}${mode === "manual" ? ": enter it by hand (stratdeck enter, the phone's Enter)" : ""}`,
      });
    const closed = blocks.get(exposureKey(idea));
    if (closed)
      reasons.push({
        code: "closed-by-hand",
        message: `${closed.positionId} (${idea.strategy} ${idea.underlying} ${idea.expiration}) was closed by hand; not reopened automatically`,
      });
    if (reasons.length > 0) held.set(idea.id, reasons);
  }
  return held;
}

/**
 * Automatic entry (the scheduled ideas job, `stratdeck enter-auto`): {@link enterAuto} on the ideas
 * that automatic entry may take; the others are reported as `skipped` with the reason.
 */
export async function enterAutomatically(
  deps: AutomaticEntryDeps,
  ideas: readonly Idea[],
  options: EnterAutoOptions,
): Promise<EnterAutoResult> {
  const held = await heldFromAutomaticEntry(deps, ideas);
  const slot = options.slot ?? slotOf(deps.clock.now(), 1);
  const result = await enterAuto(
    deps,
    ideas.filter((i) => !held.has(i.id)),
    { ...options, slot },
  );
  const skipped = ideas.flatMap((idea) => {
    const reasons = held.get(idea.id);
    if (!reasons) return [];
    deps.log.info("entry.held", { ideaId: idea.id, reasons: reasons.map((r) => r.code) });
    return [
      {
        ideaId: idea.id,
        strategy: idea.strategy,
        underlying: idea.underlying,
        idempotencyKey: entryKey(idea.strategy, idea.underlying, slot),
        status: "skipped" as const,
        reasons,
      },
    ];
  });
  return { ...result, outcomes: [...result.outcomes, ...skipped] };
}
