import { runTastyHealth, type TastyHealthDeps } from "../health/index";
import {
  checkExits,
  enterAuto,
  ProviderSettlementSource,
  settleExpired,
  type CheckExitsDeps,
  type EnterAutoDeps,
  paperSettingsFromStrategies,
  type PaperSettings,
  type SettleExpiredDeps,
} from "../paper/index";
import { generateIdeas, type GenerateIdeasDeps } from "../strategies/index";
import { notifyOnce, type NotifyOnceDeps, type NotifyOutcome } from "../alerts/index";
import { nyDate } from "../time/new-york";
import { isMarketOpen } from "../time/nyse-calendar";
import type { JobRun } from "./local-scheduler";
import { recordedRun, type JobRunRecorder } from "./job-runs";
import { streamCapacityFallback, type StreamCapacity } from "./stream-capacity";
import { HEALTH_METRICS, type Metrics } from "../metrics/index";

/** Deps of one ideas cycle: scan → filters → risk → paper entry. */
export type IdeasJobDeps = GenerateIdeasDeps & EnterAutoDeps;

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
  const entry = await enterAuto(deps, report.ideas, {
    slot: run.slot,
    settings: options.settings ?? paperSettingsFromStrategies(deps.strategies),
  });
  deps.log.info("orchestrator.ideas", { slot: run.slot, ideas: report.ideas.length, entered: entry.entered });
  return { report, entry };
}

/** Deps of the exits cycle (the settlement source defaults to the provider's stand-in). */
export type ExitsJobDeps = Omit<SettleExpiredDeps, "settlement"> &
  CheckExitsDeps &
  Partial<Pick<SettleExpiredDeps, "settlement">>;

/** Settles expired positions, then checks the exit rules and alerts once per position and rule. */
export async function runExitsJob(
  deps: ExitsJobDeps & Pick<GenerateIdeasDeps, "strategies">,
  _run?: JobRun,
  options: { settings?: PaperSettings } = {},
) {
  const settlement = deps.settlement ?? new ProviderSettlementSource(deps.provider);
  const settled = await settleExpired({ ...deps, settlement });
  const exits = await checkExits(deps, {
    settings: options.settings ?? paperSettingsFromStrategies(deps.strategies),
  });
  deps.log.info("orchestrator.exits", {
    checked: exits.checked,
    candidates: exits.candidates.length,
    settled: settled.settled.length,
  });
  return {
    settled: settled.settled.map((s) => s.positionId),
    awaiting: settled.awaiting,
    checked: exits.checked,
    candidates: exits.candidates,
    unpriced: exits.unpriced,
  };
}

/** Deps of the health job: the check, plus where to send its alert and its metrics (optional). */
export type HealthJobDeps = TastyHealthDeps &
  Partial<NotifyOnceDeps> & { metrics?: Metrics; capacity?: StreamCapacity };

/**
 * Checks REST, DXLink and the stream heartbeat (the stream counts only during a session). An
 * unhealthy data path during a session alerts the trader once per New York day.
 */
export async function runHealthJob(deps: HealthJobDeps, run: JobRun) {
  const inSession = isMarketOpen(run.at);
  const report = await runTastyHealth(deps, { requireStream: inSession });
  const streamState = report.checks.stream.state;
  const streamDown = inSession && (streamState === "stale" || streamState === "absent");
  const capacity = await streamCapacityFallback(deps, run.at, streamDown, inSession);
  deps.metrics?.publish(
    [
      {
        name: HEALTH_METRICS.dataStale,
        value: inSession && (streamState === "stalled" || streamState === "disconnected") ? 1 : 0,
        unit: "Count",
      },
      {
        name: HEALTH_METRICS.streamDown,
        value: streamDown ? 1 : 0,
        unit: "Count",
      },
    ],
    run.at,
  );
  let alert: NotifyOutcome | "none" = "none";
  if (!report.ok && inSession && deps.alerts && deps.notifier) {
    alert = await notifyOnce(
      { alerts: deps.alerts, notifier: deps.notifier, log: deps.log },
      {
        positionId: "system",
        rule: `health:${nyDate(run.at)}`,
        subject: "StratDeck: data path unhealthy",
        message: `The health check failed during the session:\n${report.problems.join("\n")}`,
        details: { problems: report.problems },
      },
    );
  }
  return { ok: report.ok, problems: report.problems, alert, capacity };
}

/** Deps of {@link runJob}: everything the jobs need, and where their last run is recorded. */
export type JobDeps = IdeasJobDeps & ExitsJobDeps & HealthJobDeps & JobRunRecorder;

/**
 * Runs one scheduled job (the same code in Lambda, the local scheduler and the simulated day) and
 * records its outcome as the job's last run in the status store.
 */
export async function runJob(deps: JobDeps, run: JobRun): Promise<unknown> {
  return recordedRun(deps, run, () => runJobBody(deps, run));
}

async function runJobBody(deps: JobDeps, run: JobRun): Promise<unknown> {
  switch (run.job) {
    case "ideas": {
      const { report, entry } = await runIdeasJob(deps, run);
      return {
        summary: report.summary,
        entered: entry.entered,
        outcomes: entry.outcomes.map((o) => ({ ideaId: o.ideaId, status: o.status, reasons: o.reasons })),
      };
    }
    case "exits": {
      const { candidates, ...rest } = await runExitsJob(deps, run);
      return {
        ...rest,
        alerts: candidates.map((c) => ({ positionId: c.positionId, rule: c.rule, alert: c.alert })),
      };
    }
    case "health":
      return runHealthJob(deps, run);
  }
}
