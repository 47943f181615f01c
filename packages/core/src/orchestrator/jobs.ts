import type { TastyHealthDeps } from "../health/tasty-health";
import {
  checkExits,
  enterAuto,
  settleExpired,
  type SettlementPriceSource,
  type CheckExitsDeps,
  type EnterAutoDeps,
  paperSettingsFromStrategies,
  type PaperSettings,
  type SettleExpiredDeps,
} from "../paper/index";
import { generateIdeas, type GenerateIdeasDeps } from "../strategies/index";
import { notifyOnce, type NotifyOnceDeps, type NotifyOutcome } from "../alerts/index";
import { nyDate } from "../time/new-york";
import { addDays } from "../time/new-york";
import { isMarketOpen, sessionOn, tradingDayOnOrBefore } from "../time/nyse-calendar";
import { isLiveBroker, reconcileLive, type ReconcileReport } from "../live/index";
import type { IdeasReport } from "../strategies/ideas-report";
import type { JobRun } from "./local-scheduler";
import { HEALTH_METRICS, type Metrics } from "../metrics/index";
import { streamCapacityFallback, type StreamCapacity } from "./stream-capacity";
import {
  HEALTH_REPORT_ID,
  IDEAS_REPORT_ID,
  statusWriter,
  withJobHeartbeat,
  type JobStatusStore,
  type StoredIdeasReport,
} from "./job-status";

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
  const entry = await enterAuto(deps, report.ideas, {
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

/** Deps of the exits cycle (without a settlement source, expired positions stay "awaiting settlement"). */
export type ExitsJobDeps = Omit<SettleExpiredDeps, "settlement"> &
  CheckExitsDeps &
  Partial<Pick<SettleExpiredDeps, "settlement">>;

/** A settlement source that knows nothing: every expired position stays "awaiting settlement". */
const NO_SETTLEMENT_SOURCE: SettlementPriceSource = { settlementPrice: () => Promise.resolve(null) };

/** A source that can also record the day's prints (e.g. `RecordingSettlementSource`). */
interface Recorder {
  record(
    underlyings: readonly string[],
    sessions: readonly { kind: "AM" | "PM"; at: number }[],
  ): Promise<string[]>;
}
const isRecorder = (s: unknown): s is Recorder =>
  typeof (s as Partial<Recorder> | undefined)?.record === "function";

/** The settlement instants already past at `now`: the previous session's close, today's open and close. */
export function pastSettlementInstants(now: number): { kind: "AM" | "PM"; at: number }[] {
  const today = tradingDayOnOrBefore(nyDate(now));
  const session = sessionOn(today);
  const prev = sessionOn(tradingDayOnOrBefore(addDays(today, -1)));
  const out: { kind: "AM" | "PM"; at: number }[] = [];
  if (prev) out.push({ kind: "PM", at: prev.closeAt });
  if (session && now >= session.openAt) out.push({ kind: "AM", at: session.openAt });
  if (session && now >= session.closeAt) out.push({ kind: "PM", at: session.closeAt });
  return out;
}

/**
 * The settle job (after the close, and in the morning for AM roots): records the opening and
 * closing values of the indexes of open positions (so they stay known later), then settles every
 * expired position at the value recorded at its settlement instant; the rest stay "awaiting settlement".
 */
export async function runSettleJob(
  deps: Omit<SettleExpiredDeps, "settlement"> & Partial<Pick<SettleExpiredDeps, "settlement">>,
  run?: JobRun,
) {
  const settlement = deps.settlement ?? NO_SETTLEMENT_SOURCE;
  let recorded: string[] = [];
  if (isRecorder(settlement)) {
    const open = await deps.orders.listOpenPositions();
    const underlyings = [...new Set(open.map((p) => p.underlying))];
    recorded = await settlement.record(underlyings, pastSettlementInstants(run?.at ?? deps.clock.now()));
  }
  const result = await settleExpired({ ...deps, settlement });
  deps.log.info("orchestrator.settle", {
    recorded: recorded.length,
    settled: result.settled.length,
    awaiting: result.awaiting.length,
  });
  return { recorded, settled: result.settled, awaiting: result.awaiting };
}

/** Settles expired positions, then checks the exit rules and alerts once per position and rule. */
export async function runExitsJob(
  deps: ExitsJobDeps & Pick<GenerateIdeasDeps, "strategies">,
  _run?: JobRun,
  options: { settings?: PaperSettings } = {},
) {
  const settlement = deps.settlement ?? NO_SETTLEMENT_SOURCE;
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

/** Deps of the health job: the check, plus where to send its alert and store its report (optional). */
export type HealthJobDeps = TastyHealthDeps &
  Partial<NotifyOnceDeps> & { status?: JobStatusStore; metrics?: Metrics; capacity?: StreamCapacity };

/**
 * Checks REST, DXLink and the stream heartbeat and freshness (the stream counts only during a
 * session). An unhealthy data path during a session alerts the trader once per New York day. Also
 * publishes DataStale / StreamDown for the alarms and runs the Spot → on-demand fallback.
 */
export async function runHealthJob(deps: HealthJobDeps, run: JobRun) {
  const inSession = isMarketOpen(run.at);
  // Loaded on use: the DXLink probe (and its WebSocket client) stays out of the other jobs' cold start.
  const { runTastyHealth } = await import("../health/tasty-health");
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
      { name: HEALTH_METRICS.streamDown, value: streamDown ? 1 : 0, unit: "Count" },
    ],
    run.at,
  );
  await statusWriter(deps.status)
    ?.beat(HEALTH_REPORT_ID, { report: report as unknown as Record<string, unknown>, inSession })
    .catch(() => undefined);
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

/**
 * Reconciles live positions with the broker; in paper mode (or without a broker that reports
 * positions) there is nothing live to compare and it says so.
 */
export async function runReconcileJob(
  deps: Pick<EnterAutoDeps, "config" | "orders" | "clock" | "log" | "live"> & Partial<NotifyOnceDeps>,
): Promise<ReconcileReport | { skipped: string }> {
  if (deps.config.tradingMode !== "live" || !isLiveBroker(deps.live)) {
    return { skipped: "not in live trading mode: no live positions to reconcile" };
  }
  return reconcileLive({ ...deps, broker: deps.live });
}

/** Deps of {@link runJob}: everything the jobs need. */
export type JobDeps = IdeasJobDeps & ExitsJobDeps & HealthJobDeps;

/**
 * Runs one scheduled job (the same code in Lambda, the local scheduler and the simulated day) and
 * records its heartbeat (`job:<name>` in the status store).
 */
export async function runJob(deps: JobDeps, run: JobRun): Promise<unknown> {
  const started = deps.clock.now();
  return withJobHeartbeat(
    deps.status,
    run,
    () => deps.clock.now() - started,
    () => runJobBody(deps, run),
  );
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
    case "settle":
      return runSettleJob(deps, run);
    case "reconcile":
      return runReconcileJob(deps);
  }
}
