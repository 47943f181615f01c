import { HEALTH_REPORT_ID, jobStatusId, type JobHeartbeat } from "../orchestrator/job-status";
import type { StatusRecord, StatusStore } from "../status/status-store";
import { staleKinds, type StreamFreshness } from "../stream/stream-freshness";
import type { Clock } from "../time/clock";
import type { TastyHealthReport } from "./tasty-health-report";
import { SCHEDULES, type JobName } from "../orchestrator/schedules";

/** The scheduled jobs, in schedule order. */
const JOB_NAMES: readonly JobName[] = SCHEDULES.map((s) => s.job);

/** What `/health` reads: heartbeats only, no connection is opened. */
export interface StoredHealthDeps {
  status: Pick<StatusStore, "read">;
  clock: Clock;
}

/** One component's heartbeat as `/health` shows it. */
export interface HeartbeatView {
  /** Age of the last heartbeat, ms; null = never written. */
  ageMs: number | null;
  ok: boolean | null;
  detail?: Record<string, unknown>;
}

/** The `/health` body: the latest stored check, the stream heartbeat and the jobs' heartbeats. */
export interface StoredHealth {
  ok: boolean;
  /** ISO time of this read. */
  readAt: string;
  problems: string[];
  /** The health job's last full check (REST, DXLink, stream), null before its first run. */
  lastCheck: (Pick<TastyHealthReport, "ok" | "checkedAt" | "problems"> & { ageMs: number }) | null;
  stream: HeartbeatView;
  /** Every scheduled job's last heartbeat (ideas, exits, health, settle, reconcile). */
  jobs: Record<JobName, HeartbeatView>;
}

/** Options of {@link readStoredHealth}. */
export interface StoredHealthOptions {
  /** The stream must be beating (a session is open). */
  requireStream: boolean;
  /** Oldest acceptable stream heartbeat, ms (default 120 000). */
  streamMaxAgeMs?: number;
  /** A fresh heartbeat whose underlyings or options had no event for longer is stalled, ms (default 60 000). */
  staleAfterMs?: number;
}

/**
 * Health from the status store alone: unhealthy when the last stored check failed, a job's last
 * run failed, or (while `requireStream`) the stream heartbeat is missing, stale or unhealthy.
 */
export async function readStoredHealth(
  deps: StoredHealthDeps,
  options: StoredHealthOptions,
): Promise<StoredHealth> {
  const problems: string[] = [];
  const [check, stream, ...jobs] = await Promise.all([
    deps.status.read<{ report: TastyHealthReport }>(HEALTH_REPORT_ID),
    deps.status.read<{ healthy?: boolean; state?: string; freshness?: StreamFreshness }>("stream"),
    ...JOB_NAMES.map((j) => deps.status.read<JobHeartbeat>(jobStatusId(j))),
  ]);
  const lastCheck = check
    ? {
        ok: check.data.report.ok,
        checkedAt: check.data.report.checkedAt,
        problems: check.data.report.problems,
        ageMs: check.ageMs,
      }
    : null;
  if (lastCheck && !lastCheck.ok) problems.push(...lastCheck.problems.map((p) => `last check: ${p}`));
  const staleAfterMs = options.staleAfterMs ?? 60_000;
  const stalled = stream?.data.freshness
    ? staleKinds(stream.data.freshness, deps.clock.now(), staleAfterMs)
    : [];
  const streamView: HeartbeatView = stream
    ? {
        ageMs: stream.ageMs,
        ok:
          stream.data.healthy !== false &&
          stalled.length === 0 &&
          stream.ageMs <= (options.streamMaxAgeMs ?? 120_000),
        detail: {
          state: stream.data.state ?? null,
          healthy: stream.data.healthy ?? null,
          ...(stream.data.freshness ? { freshness: stream.data.freshness } : {}),
          ...(stalled.length > 0 ? { staleKinds: stalled } : {}),
        },
      }
    : { ageMs: null, ok: null };
  if (options.requireStream && streamView.ok !== true)
    problems.push(
      !stream
        ? "no stream heartbeat"
        : stalled.length > 0
          ? `stream stalled: no ${stalled.join(" or ")} event for over ${staleAfterMs} ms`
          : `stream heartbeat ${Math.round(stream.ageMs / 1000)} s old (${String(stream.data.state)})`,
    );
  const jobViews = jobHeartbeatViews(jobs, problems);
  return {
    ok: problems.length === 0,
    readAt: new Date(deps.clock.now()).toISOString(),
    problems,
    lastCheck,
    stream: streamView,
    jobs: jobViews,
  };
}

/** A job's stored last run, as the status store returns it. */
type JobRecord = StatusRecord<JobHeartbeat> & { ageMs: number };

/**
 * Every scheduled job's last run as `/health` shows it, in schedule order; a failed last run adds a
 * line to `problems`.
 */
function jobHeartbeatViews(jobs: readonly (JobRecord | null)[], problems: string[]): StoredHealth["jobs"] {
  const views = {} as StoredHealth["jobs"];
  JOB_NAMES.forEach((name, i) => {
    const j = jobs[i];
    views[name] = j
      ? {
          ageMs: j.ageMs,
          ok: j.data.ok,
          detail: {
            slot: j.data.slot,
            durationMs: j.data.durationMs,
            ...(j.data.error ? { error: j.data.error } : {}),
          },
        }
      : { ageMs: null, ok: null };
    if (j && !j.data.ok) problems.push(`job ${name} failed at ${j.data.slot}: ${j.data.error ?? "error"}`);
  });
  return views;
}

/** Every scheduled job's last run from the status store, as `/health` reads them, and their problems. */
export async function readJobHeartbeats(
  status: Pick<StatusStore, "read">,
): Promise<{ jobs: StoredHealth["jobs"]; problems: string[] }> {
  const records = await Promise.all(JOB_NAMES.map((j) => status.read<JobHeartbeat>(jobStatusId(j))));
  const problems: string[] = [];
  return { jobs: jobHeartbeatViews(records, problems), problems };
}
