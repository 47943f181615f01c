import { describe, expect, it } from "vitest";
import {
  cronExpressions,
  cronMinutes,
  isScheduledMinute,
  recordedRun,
  scheduleOf,
  SCHEDULES,
} from "@stratdeck/core/orchestrator";
import { MemoryStatusStore } from "@stratdeck/core/status";
import { FakeClock } from "@stratdeck/core/time";

describe("schedule cron expressions", () => {
  for (const s of SCHEDULES) {
    it(`${s.job}: fires exactly on its grid, no invocation off it`, () => {
      const fired = cronExpressions(s)
        .flatMap(cronMinutes)
        .sort((a, b) => a - b);
      const grid = Array.from({ length: 24 * 60 }, (_, m) => m).filter((m) => isScheduledMinute(s, m, 2));
      expect(fired).toEqual(grid);
    });
  }

  it("splits a partial first hour and merges hours with the same minutes", () => {
    expect(cronExpressions(scheduleOf("exits"))).toEqual([
      "cron(35,40,45,50,55 9 ? * MON-FRI *)",
      "cron(0/5 10-15 ? * MON-FRI *)",
    ]);
    expect(cronExpressions(scheduleOf("ideas"))).toEqual([
      "cron(0/30 10-14 ? * MON-FRI *)",
      "cron(0 15 ? * MON-FRI *)",
    ]);
  });

  it("rejects an expression it did not make", () => {
    expect(() => cronMinutes("rate(5 minutes)")).toThrow(/not a weekday cron/);
  });
});

describe("recorded job runs", () => {
  it("records ok, and failed with the message while rethrowing the error", async () => {
    const clock = new FakeClock(Date.parse("2026-12-01T15:00:00Z"));
    const status = new MemoryStatusStore(clock);
    const run = { job: "exits" as const, slot: "2026-12-01T10:00", at: clock.now() };
    expect(await recordedRun({ clock, status }, run, async () => 7)).toBe(7);
    expect((await status.readJobRuns(["exits"])).exits).toMatchObject({ outcome: "ok", slot: run.slot });
    await expect(
      recordedRun({ clock, status }, run, async () => {
        clock.advance(1_500);
        throw new Error("orders table unreachable");
      }),
    ).rejects.toThrow("orders table unreachable");
    expect((await status.readJobRuns(["exits", "ideas"])).exits).toEqual({
      outcome: "failed",
      error: "orders table unreachable",
      slot: run.slot,
      startedAt: run.at,
      ms: 1_500,
    });
    expect(await status.readJobRuns(["ideas"])).toEqual({});
  });
});
