import type { TastyHealthDeps } from "../health/tasty-health";
import { notifyOnce, type NotifyOnceDeps, type NotifyOutcome } from "../alerts/notify-once";
import { HEALTH_METRICS, type Metrics } from "../metrics/index";
import { nyDate } from "../time/new-york";
import { isMarketOpen } from "../time/nyse-calendar";
import type { JobRun } from "./local-scheduler";
import { streamCapacityFallback, type StreamCapacity } from "./stream-capacity";
import { warnBeforeHorizon } from "./stream-horizon";
import { HEALTH_REPORT_ID, statusWriter, type JobStatusStore } from "./job-status";

/** Deps of the health job: the check, plus where to send its alert and store its report (optional). */
export type HealthJobDeps = TastyHealthDeps &
  Partial<NotifyOnceDeps> & {
    status?: JobStatusStore;
    metrics?: Metrics;
    capacity?: StreamCapacity;
    /** Last trading day of the stream's scheduled scaling (`YYYY-MM-DD`, the stack's horizon). */
    streamHorizonEnd?: string;
  };

/**
 * Checks REST, DXLink and the stream heartbeat and freshness (the stream counts only during a
 * session). An unhealthy data path during a session alerts the trader once per New York day. Also
 * publishes DataStale / StreamDown, runs the Spot → on-demand fallback, and from 30 days before
 * the stream's scaling horizon alerts once a day that a redeploy is due.
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
  const horizon = await warnBeforeHorizon(deps, deps.streamHorizonEnd, run.at);
  return { ok: report.ok, problems: report.problems, alert, capacity, horizon };
}
