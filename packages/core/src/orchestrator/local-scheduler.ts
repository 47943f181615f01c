import type { Clock } from "../time/clock";
import type { Log } from "../log/log";
import { nyParts } from "../time/new-york";
import { inSessionFor } from "./schedule-gate";
import { isScheduledMinute, type JobName, type JobSchedule } from "./schedules";
import { slotOf } from "./slot";

/**
 * Decides whether the market counts as open for a schedule (NYSE calendar, or always-open for a
 * local simulator).
 */
export type MarketHours = (ms: number, schedule: JobSchedule) => boolean;

/** The NYSE calendar: the equity session, or until index options close for such schedules. */
export const nyseMarketHours: MarketHours = (ms, schedule) => inSessionFor(schedule, ms);
/** A simulated market that is open whenever the local stack runs. */
export const alwaysOpen: MarketHours = () => true;

/** A job run: which job, for which slot. */
export interface JobRun {
  job: JobName;
  slot: string;
  at: number;
}

/**
 * Runs the shared schedules in-process: each New York minute (by the given clock) it fires every job
 * whose schedule matches, skipping market-hours-only jobs while `marketHours` says closed. A job
 * still running when its next slot comes is not started twice.
 */
export class LocalScheduler {
  private timer: NodeJS.Timeout | undefined;
  private lastMinute = "";
  private readonly running = new Set<JobName>();
  private readonly inflight = new Set<Promise<void>>();

  constructor(
    private readonly deps: {
      clock: Clock;
      log: Log;
      schedules: readonly JobSchedule[];
      marketHours: MarketHours;
      run: (run: JobRun) => Promise<void>;
      /** How often to look at the clock, real ms (default 1000). */
      pollMs?: number;
      /** Ignore the schedule's minute grid and weekday (fire every period), for a simulated market. */
      ignoreGrid?: boolean;
      /** Also fire every job once on start (subject to market hours), so a fresh stack shows data at once. */
      runAtStart?: boolean;
    },
  ) {}

  start(): void {
    this.tick(this.deps.runAtStart === true);
    this.timer = setInterval(() => this.tick(), this.deps.pollMs ?? 1_000);
    this.timer.unref?.();
  }

  /** Fires due jobs for the current minute (or all with `all`); exposed for tests driving a fake clock. */
  tick(all = false): void {
    const now = this.deps.clock.now();
    const p = nyParts(now);
    const key = `${p.date}T${p.minuteOfDay}`;
    if (key === this.lastMinute && !all) return;
    this.lastMinute = key;
    for (const s of this.deps.schedules) {
      const due =
        all ||
        (this.deps.ignoreGrid
          ? p.minuteOfDay % s.everyMinutes === 0
          : isScheduledMinute(s, p.minuteOfDay, p.weekday));
      if (!due) continue;
      if (s.marketHoursOnly && !this.deps.marketHours(now, s)) continue;
      if (this.running.has(s.job)) {
        this.deps.log.warn("scheduler.overlap", { job: s.job });
        continue;
      }
      const run = { job: s.job, slot: slotOf(now, s.everyMinutes), at: now };
      this.running.add(s.job);
      const p2 = this.deps
        .run(run)
        .catch((err: unknown) =>
          this.deps.log.error("scheduler.job-failed", { job: s.job, slot: run.slot, error: err }),
        )
        .finally(() => {
          this.running.delete(s.job);
          this.inflight.delete(p2);
        });
      this.inflight.add(p2);
    }
  }

  /** Stops firing and waits for running jobs to finish. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await Promise.all([...this.inflight]);
  }
}
