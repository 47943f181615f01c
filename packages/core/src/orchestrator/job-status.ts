import type { StatusStore } from "../status/status-store";
import type { IdeasReport } from "../strategies/ideas-report";
import type { JobRun } from "./local-scheduler";

/** Status id of a job's heartbeat: `job:ideas`, `job:exits`, `job:health`. */
export const jobStatusId = (job: JobRun["job"]): string => `job:${job}`;

/** Status id of the ideas job's latest report (what `/ideas` and the phone page read). */
export const IDEAS_REPORT_ID = "ideas-report";

/** Status id of the health job's latest report (what `/health` reads with the heartbeats). */
export const HEALTH_REPORT_ID = "health-report";

/** A status store the jobs may write to (read-only or absent in some shells and tests). */
export type JobStatusStore = Pick<StatusStore, "beat"> | Pick<StatusStore, "read"> | null;

/** The store's writer, when it can write. */
export function statusWriter(s: JobStatusStore | undefined): Pick<StatusStore, "beat"> | undefined {
  return s && "beat" in s && typeof s.beat === "function" ? s : undefined;
}

/** A job's heartbeat: its last run, how long it took and whether it failed. */
export interface JobHeartbeat extends Record<string, unknown> {
  job: JobRun["job"];
  slot: string;
  ok: boolean;
  /** Run time, ms. */
  durationMs: number;
  /** Message of the failure, when `ok` is false. */
  error?: string;
}

/** The stored ideas report. */
export interface StoredIdeasReport extends Record<string, unknown> {
  report: IdeasReport;
}

/**
 * Runs `fn` and records the job's heartbeat (also when it throws; the error is rethrown). A failed
 * heartbeat write never fails the job. `elapsedMs` measures the run (the caller's clock).
 */
export async function withJobHeartbeat<T>(
  store: JobStatusStore | undefined,
  run: JobRun,
  elapsedMs: () => number,
  fn: () => Promise<T>,
): Promise<T> {
  const status = statusWriter(store);
  const beat = async (ok: boolean, error?: string): Promise<void> => {
    if (!status) return;
    const data: JobHeartbeat = {
      job: run.job,
      slot: run.slot,
      ok,
      durationMs: elapsedMs(),
      ...(error ? { error } : {}),
    };
    await status.beat(jobStatusId(run.job), data).catch(() => undefined);
  };
  try {
    const out = await fn();
    await beat(true);
    return out;
  } catch (err) {
    await beat(false, err instanceof Error ? err.message : String(err));
    throw err;
  }
}

/**
 * One job with its heartbeat (`job:<name>` in the status store): what a Lambda of that one job runs,
 * so its bundle carries only that job's code.
 */
export function withHeartbeat<D extends { status?: JobStatusStore; clock: { now(): number } }, R>(
  body: (deps: D, run: JobRun) => Promise<R>,
): (deps: D, run: JobRun) => Promise<R> {
  return (deps, run) => {
    const started = deps.clock.now();
    return withJobHeartbeat(
      deps.status,
      run,
      () => deps.clock.now() - started,
      () => body(deps, run),
    );
  };
}
