import { describe, expect, it } from "vitest";
import {
  cronExpressions,
  cronMinutes,
  isScheduledMinute,
  scheduleOf,
  SCHEDULES,
  skipReason,
  type JobSchedule,
} from "@stratdeck/core/orchestrator";
import { nyWallTimeToUtc } from "@stratdeck/core/time";

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
      "cron(0,5,10 16 ? * MON-FRI *)",
    ]);
    expect(cronExpressions(scheduleOf("ideas"))).toEqual([
      "cron(0/30 10-14 ? * MON-FRI *)",
      "cron(0 15 ? * MON-FRI *)",
    ]);
  });

  it("adds one expression per extra run, and the gate keeps a post-close job's times on early closes", () => {
    const settle: JobSchedule = {
      job: "health",
      everyMinutes: 5,
      startMinute: 16 * 60 + 5,
      endMinute: 16 * 60 + 25,
      marketHoursOnly: false,
      alsoAtMinutes: [9 * 60 + 45],
      description: "a job after the close",
    };
    expect(cronExpressions(settle)).toEqual([
      "cron(5,10,15,20 16 ? * MON-FRI *)",
      "cron(45 9 ? * MON-FRI *)",
    ]);
    const at = (date: string, m: number) => skipReason(settle, nyWallTimeToUtc(date, m));
    expect(at("2026-11-27", 16 * 60 + 5)).toBeNull(); // early close day: still runs after 16:00
    expect(at("2026-11-27", 9 * 60 + 45)).toBeNull();
    expect(at("2026-11-26", 16 * 60 + 5)).toBe("market-closed"); // Thanksgiving
    expect(at("2026-11-30", 16 * 60 + 7)).toBe("off-schedule");
  });

  it("rejects an expression it did not make", () => {
    expect(() => cronMinutes("rate(5 minutes)")).toThrow(/not a weekday cron/);
  });
});
