import { describe, expect, it } from "vitest";
import { isScheduledMinute, SCHEDULES, scheduleOf, slotOf } from "@stratdeck/core/orchestrator";
import { FakeClock } from "@stratdeck/core/time";
import { LocalScheduler, nyseMarketHours, type JobRun } from "@stratdeck/core/orchestrator";
import { silentLog } from "@stratdeck/core/log";

describe("schedules", () => {
  it("every period divides an hour", () => {
    for (const s of SCHEDULES) expect(60 % s.everyMinutes).toBe(0);
  });

  it("trims the cron's hour span to the exact window and skips weekends", () => {
    const ideas = scheduleOf("ideas");
    expect(isScheduledMinute(ideas, 10 * 60, 3)).toBe(true);
    expect(isScheduledMinute(ideas, 15 * 60 + 30, 3)).toBe(false);
    expect(isScheduledMinute(ideas, 10 * 60 + 15, 3)).toBe(false);
    expect(isScheduledMinute(ideas, 10 * 60, 6)).toBe(false);
    const exits = scheduleOf("exits");
    expect(isScheduledMinute(exits, 9 * 60 + 30, 1)).toBe(false);
    expect(isScheduledMinute(exits, 9 * 60 + 35, 1)).toBe(true);
  });

  it("names slots in New York time, rounded down to the period, across DST", () => {
    expect(slotOf(Date.parse("2026-11-25T15:07:00Z"), 30)).toBe("2026-11-25T10:00");
    expect(slotOf(Date.parse("2026-07-01T14:44:59Z"), 30)).toBe("2026-07-01T10:30");
  });
});

/** A scheduler on the shared schedules and the NYSE calendar that records the runs it fires. */
function recordingScheduler(clock: FakeClock): { runs: JobRun[]; s: LocalScheduler } {
  const runs: JobRun[] = [];
  const s = new LocalScheduler({
    clock,
    log: silentLog,
    schedules: SCHEDULES,
    marketHours: nyseMarketHours,
    run: async (r) => void runs.push(r),
  });
  return { runs, s };
}

describe("LocalScheduler", () => {
  it("fires each due job once per slot, only in market hours for market jobs", async () => {
    const clock = new FakeClock("2026-11-25T14:59:00Z"); // 09:59 ET Wednesday
    const { runs, s } = recordingScheduler(clock);
    s.tick();
    expect(runs).toEqual([]);
    clock.advance(60_000); // 10:00
    s.tick();
    s.tick();
    expect(runs.map((r) => `${r.job}@${r.slot}`).sort()).toEqual([
      "exits@2026-11-25T10:00",
      "health@2026-11-25T10:00",
      "ideas@2026-11-25T10:00",
      "reconcile@2026-11-25T10:00",
    ]);
    await s.stop();
  });

  it("skips market-hours jobs on a holiday but still runs health", async () => {
    const clock = new FakeClock("2026-11-26T15:00:00Z"); // Thanksgiving 10:00 ET
    const { runs, s } = recordingScheduler(clock);
    s.tick();
    expect(runs.map((r) => r.job)).toEqual(["health"]);
    await s.stop();
  });

  it("does not start a job again while its previous run is still going", async () => {
    const clock = new FakeClock("2026-11-25T15:00:00Z");
    let release: () => void = () => undefined;
    let started = 0;
    const s = new LocalScheduler({
      clock,
      log: silentLog,
      schedules: [scheduleOf("exits")],
      marketHours: () => true,
      run: () => {
        started++;
        return new Promise<void>((r) => (release = r));
      },
    });
    s.tick();
    clock.advance(5 * 60_000);
    s.tick();
    expect(started).toBe(1);
    release();
    await s.stop();
  });
});

describe("LocalScheduler for a simulated market", () => {
  it("fires every job once at start and then on each period from any minute, any day", async () => {
    const clock = new FakeClock("2026-11-28T13:59:00Z"); // Saturday 08:59 ET
    const runs: string[] = [];
    const s = new LocalScheduler({
      clock,
      log: silentLog,
      schedules: SCHEDULES,
      marketHours: () => true,
      ignoreGrid: true,
      runAtStart: true,
      run: async (r) => void runs.push(r.job),
      pollMs: 60_000,
    });
    s.start();
    expect(runs.sort()).toEqual(["exits", "health", "ideas", "reconcile", "settle"]);
    runs.length = 0;
    await new Promise((r) => setImmediate(r)); // let the first runs finish
    clock.advance(60_000); // 09:00
    s.tick();
    expect(runs.sort()).toEqual(["exits", "health", "ideas", "reconcile", "settle"]);
    runs.length = 0;
    await new Promise((r) => setImmediate(r));
    clock.advance(5 * 60_000); // 09:05
    s.tick();
    expect(runs.sort()).toEqual(["exits", "settle"]);
    await s.stop();
  });
});
