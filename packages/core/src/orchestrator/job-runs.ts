import type { Clock } from "../time/clock";
import type { JobRunStatus, StatusStore } from "../status/status-store";
import type { JobRun } from "./local-scheduler";

/** Where a job run's outcome is recorded (absent: not recorded). */
export interface JobRunRecorder {
  clock: Clock;
  status?: Pick<StatusStore, "recordJobRun"> | Partial<Pick<StatusStore, "read">> | null;
}

/**
 * Runs `body` and records its outcome as the job's last run in the status store (`job:<name>`):
 * `ok`, or `failed` with the error message, which is then rethrown (Lambda retries and finally
 * sends the event to the dead-letter queue). A failed record never hides the job's own outcome.
 */
export async function recordedRun<R>(deps: JobRunRecorder, run: JobRun, body: () => Promise<R>): Promise<R> {
  const startedAt = deps.clock.now();
  const store = deps.status && "recordJobRun" in deps.status ? deps.status : null;
  const record = async (status: Pick<JobRunStatus, "outcome" | "error">) => {
    if (!store?.recordJobRun) return;
    const full: JobRunStatus = { slot: run.slot, startedAt, ms: deps.clock.now() - startedAt, ...status };
    await store.recordJobRun(run.job, full).catch(() => undefined);
  };
  try {
    const result = await body();
    await record({ outcome: "ok" });
    return result;
  } catch (err) {
    await record({ outcome: "failed", error: ((err as Error)?.message ?? String(err)).slice(0, 300) });
    throw err;
  }
}
