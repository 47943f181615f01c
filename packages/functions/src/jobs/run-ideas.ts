import type { JobRun } from "@stratdeck/core/orchestrator";
import { enterAuto, type EnterAutoDeps } from "@stratdeck/core/paper";
import { generateIdeas, type GenerateIdeasDeps } from "@stratdeck/core/strategies";

/** Scans the strategies, then enters the passing ideas as paper trades for this slot (idempotent). */
export async function runIdeasJob(deps: GenerateIdeasDeps & EnterAutoDeps, run: JobRun) {
  const report = await generateIdeas(deps);
  const entry = await enterAuto(deps, report.ideas, { slot: run.slot });
  return {
    summary: report.summary,
    entered: entry.entered,
    outcomes: entry.outcomes.map((o) => ({ ideaId: o.ideaId, status: o.status, reasons: o.reasons })),
  };
}
