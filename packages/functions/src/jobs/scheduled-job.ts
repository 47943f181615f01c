import { describeZodError } from "@stratdeck/core/api/responses";
import type { Log } from "@stratdeck/core/log";
import { JOB_DIMENSION, JOB_METRICS, type Metrics } from "@stratdeck/core/metrics";
import type { JobRun } from "@stratdeck/core/orchestrator";
import { skipReason, type SkipReason } from "@stratdeck/core/orchestrator/schedule-gate";
import { scheduleOf, type JobName } from "@stratdeck/core/orchestrator/schedules";
import { slotOf } from "@stratdeck/core/orchestrator/slot";
import { systemClock, type Clock } from "@stratdeck/core/time/clock";
import { ScheduledEvent } from "./job-event";

/** What a scheduled invocation did. */
export type JobOutcome<R> =
  | { job: JobName; slot: string; status: "ran"; ms: number; result: R }
  | { job: JobName; slot: string; status: "skipped"; reason: SkipReason };

/** How a job handler gets its deps and the time (injectable for tests). */
export interface ScheduledJobOptions<D> {
  deps: () => Promise<D>;
  log: Log;
  clock?: Clock;
  /** Where the per-invocation heartbeat goes (the dead-man alarm's metric); none in tests. */
  metrics?: Metrics;
}

/**
 * A Lambda handler for a scheduled job: parses the event, skips runs off the job's New York grid,
 * on days the NYSE is closed (holidays, one-off closures), after an early close and, for
 * market-hours jobs, outside the session, all before building any deps (a skipped run reads no
 * secret and opens no connection), then runs the job for the slot of the scheduled time, so an
 * at-least-once redelivery is the same slot. Every valid invocation publishes the job's heartbeat.
 */
export function scheduledJob<D, R>(
  job: JobName,
  run: (deps: D, at: JobRun) => Promise<R>,
  options: ScheduledJobOptions<D>,
) {
  const schedule = scheduleOf(job);
  const clock = options.clock ?? systemClock;
  return async (event: unknown): Promise<JobOutcome<R>> => {
    const parsed = ScheduledEvent.safeParse(event ?? {});
    if (!parsed.success) throw new Error(`bad scheduled event: ${describeZodError("event", parsed.error)}`);
    const e = parsed.data;
    if (e.detail?.job && e.detail.job !== job)
      throw new Error(`event is for job "${e.detail.job}", this is "${job}"`);
    const at = e.time ? Date.parse(e.time) : clock.now();
    // Every scheduled invocation beats, run or skip: a schedule that stops firing is what it catches.
    options.metrics?.publish([{ name: JOB_METRICS.heartbeat, value: 1, unit: "Count" }], clock.now(), {
      [JOB_DIMENSION]: job,
    });
    const slot = slotOf(at, schedule.everyMinutes);
    const force = e.detail?.force === true;
    const reason = force ? null : skipReason(schedule, at, e.time !== undefined);
    if (reason) {
      options.log.info("job.skipped", { job, slot, reason });
      return { job, slot, status: "skipped", reason };
    }
    const started = clock.now();
    const result = await run(await options.deps(), { job, slot, at });
    const ms = clock.now() - started;
    options.log.info("job.done", { job, slot, ms });
    return { job, slot, status: "ran", ms, result };
  };
}
