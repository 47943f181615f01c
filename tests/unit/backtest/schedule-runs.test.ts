import { describe, expect, it } from "vitest";
import { JOBS_NOT_BACKTESTED, scheduledRuns, tradingDaysBetween } from "@stratdeck/sim/backtest";
import { isScheduledMinute, SCHEDULES, slotOf } from "@stratdeck/core/orchestrator";
import { isMarketOpen, nyParts, nyWallTimeToUtc } from "@stratdeck/core/time";

describe("scheduled runs of a backtest day", () => {
  it("match the deployed schedules minute by minute (DST weeks, early close), health and settle excluded", () => {
    const days = [
      ...tradingDaysBetween("2025-03-07", "2025-03-11"), // DST starts Sunday March 9
      ...tradingDaysBetween("2025-10-31", "2025-11-04"), // DST ends Sunday November 2
      "2025-11-28", // early close at 13:00
      "2025-12-24", // early close
    ];
    for (const date of days) {
      const expected = SCHEDULES.filter((s) => !JOBS_NOT_BACKTESTED.has(s.job)).flatMap((s) =>
        Array.from({ length: 24 * 60 }, (_, m) => m)
          .filter((m) => isScheduledMinute(s, m, nyParts(nyWallTimeToUtc(date, 12 * 60)).weekday))
          .map((m) => nyWallTimeToUtc(date, m))
          .filter((at) => !s.marketHoursOnly || isMarketOpen(at))
          .map((at) => ({ job: s.job, slot: slotOf(at, s.everyMinutes), at })),
      );
      const runs = scheduledRuns(date, SCHEDULES);
      expect([...runs].sort((a, b) => a.at - b.at || a.job.localeCompare(b.job))).toEqual(
        expected.sort((a, b) => a.at - b.at || a.job.localeCompare(b.job)),
      );
      expect(runs.map((r) => r.at)).toEqual([...runs.map((r) => r.at)].sort((a, b) => a - b));
    }
    expect(
      scheduledRuns("2025-11-28", SCHEDULES)
        .filter((r) => r.job === "exits")
        .at(-1)?.slot,
    ).toBe("2025-11-28T12:55");
    expect(scheduledRuns("2025-12-25", SCHEDULES)).toEqual([]);
  });

  it("lists NYSE trading days only", () => {
    expect(tradingDaysBetween("2025-12-24", "2026-01-02")).toEqual([
      "2025-12-24",
      "2025-12-26",
      "2025-12-29",
      "2025-12-30",
      "2025-12-31",
      "2026-01-02",
    ]);
  });
});
