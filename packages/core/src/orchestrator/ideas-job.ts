import { enterAutomatically } from "../entry/auto-entry";
import { paperSettingsFromStrategies, type EnterAutoDeps, type PaperSettings } from "../ledger/index";
import { generateIdeas, type GenerateIdeasDeps } from "../strategies/generate-ideas";
import type { IdeasReport } from "../strategies/ideas-report";
import type { JobRun } from "./local-scheduler";
import { IDEAS_REPORT_ID, statusWriter, type JobStatusStore, type StoredIdeasReport } from "./job-status";

/** Deps of one ideas cycle: scan → filters → risk → paper entry (the report is stored when `status` is given). */
export type IdeasJobDeps = GenerateIdeasDeps & EnterAutoDeps & { status?: JobStatusStore };

/** Options of an ideas cycle. */
export interface IdeasJobOptions {
  /** Risk limits and fill settings (default: the paper engine's defaults). */
  settings?: PaperSettings;
  /** Only this strategy. */
  strategy?: string;
}

/** One cycle: scan the strategies, apply filters and risk, enter the passing ideas for this slot (idempotent). */
export async function runIdeasJob(deps: IdeasJobDeps, run: JobRun, options: IdeasJobOptions = {}) {
  const report = await generateIdeas(deps, options.strategy ? { strategy: options.strategy } : {});
  if (!options.strategy) await storeIdeasReport(deps, report);
  // Entry modes and manual-close blocks first; then the same entry path as every other entry.
  const entry = await enterAutomatically(deps, report.ideas, {
    slot: run.slot,
    // Scheduled runs have no operator to pass --confirm-live: STRATDECK_LIVE_SCHEDULED=YES is their
    // explicit confirmation (the guard still requires TRADING_MODE=live and LIVE_ARMED=YES).
    confirm: deps.config.live?.scheduledConfirm === true,
    settings: options.settings ?? paperSettingsFromStrategies(deps.strategies),
  });
  deps.log.info("orchestrator.ideas", { slot: run.slot, ideas: report.ideas.length, entered: entry.entered });
  return { report, entry };
}

/** Stores the latest full ideas report for `/ideas` and the phone page (a failed write is logged). */
export async function storeIdeasReport(
  deps: { status?: JobStatusStore; log: GenerateIdeasDeps["log"] },
  report: IdeasReport,
): Promise<void> {
  const status = statusWriter(deps.status);
  if (!status) return;
  const data: StoredIdeasReport = { report };
  await status
    .beat(IDEAS_REPORT_ID, data)
    .catch((err: unknown) =>
      deps.log.warn("orchestrator.ideas-report-failed", { error: (err as Error).message }),
    );
}

/** What an ideas run reports (the job's result in Lambda and the local scheduler). */
export async function ideasJob(deps: IdeasJobDeps, run: JobRun) {
  const { report, entry } = await runIdeasJob(deps, run);
  return {
    summary: report.summary,
    entered: entry.entered,
    outcomes: entry.outcomes.map((o) => ({ ideaId: o.ideaId, status: o.status, reasons: o.reasons })),
  };
}
