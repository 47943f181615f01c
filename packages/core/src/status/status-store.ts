import type { Clock } from "../time/clock";

/** A component's heartbeat record. */
export interface StatusRecord<T extends Record<string, unknown> = Record<string, unknown>> {
  /** Component id, e.g. `stream`. */
  id: string;
  /** Component-specific state (JSON). */
  data: T;
  /** When written, ms since epoch. */
  updatedAt: number;
}

/** Status id prefix of scheduled jobs' last-run records (`job:ideas`, `job:exits`, …). */
export const JOB_STATUS_PREFIX = "job:";

/** The outcome of a scheduled job's last run. */
export interface JobRunStatus extends Record<string, unknown> {
  /** The run's slot (New York minute, `YYYY-MM-DDTHH:MM`). */
  slot: string;
  outcome: "ok" | "failed";
  /** When the run started, ms since epoch. */
  startedAt: number;
  /** Run time, ms. */
  ms: number;
  /** The error message of a failed run (secrets are scrubbed by the log layer, not here: keep it short). */
  error?: string;
}

/** Port for heartbeats of long-running components, read by health checks. */
export abstract class StatusStore {
  constructor(protected readonly clock: Clock) {}

  /** Writes the component's current state, stamped with the clock. */
  async beat<T extends Record<string, unknown>>(id: string, data: T): Promise<StatusRecord<T>> {
    const rec = { id, data, updatedAt: this.clock.now() };
    await this.save(rec);
    return rec;
  }

  /** The component's last heartbeat with its age in ms, or null when it never wrote one. */
  async read<T extends Record<string, unknown>>(
    id: string,
  ): Promise<(StatusRecord<T> & { ageMs: number }) | null> {
    const rec = (await this.load(id)) as StatusRecord<T> | null;
    return rec ? { ...rec, ageMs: Math.max(0, this.clock.now() - rec.updatedAt) } : null;
  }

  /**
   * Records the last run of scheduled job `job` (status id `job:<job>`), so `/health` shows a job
   * whose last run failed.
   */
  async recordJobRun(job: string, run: JobRunStatus): Promise<void> {
    await this.beat(`${JOB_STATUS_PREFIX}${job}`, run);
  }

  /** The last recorded run of each job, by job name (jobs never recorded are absent). */
  async readJobRuns(jobs: readonly string[]): Promise<Record<string, JobRunStatus>> {
    const out: Record<string, JobRunStatus> = {};
    for (const job of jobs) {
      const rec = await this.read<JobRunStatus>(`${JOB_STATUS_PREFIX}${job}`);
      if (rec) out[job] = rec.data;
    }
    return out;
  }

  protected abstract save(rec: StatusRecord): Promise<void>;
  protected abstract load(id: string): Promise<StatusRecord | null>;
}
