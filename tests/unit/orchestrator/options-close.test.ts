import { describe, expect, it } from "vitest";
import {
  LocalScheduler,
  nyseMarketHours,
  scheduleOf,
  skipReason,
  type JobRun,
} from "@stratdeck/core/orchestrator";
import { silentLog } from "@stratdeck/core/log";
import {
  FakeClock,
  isMarketOpen,
  isOptionsMarketOpen,
  nyWallTimeToUtc,
  sessionOn,
} from "@stratdeck/core/time";
import { streamScalingActions, streamStopAt } from "../../../stacks/support/stream-window";

const NORMAL = "2026-11-30";
const EARLY = "2026-11-27"; // the day after Thanksgiving: 13:00 close
const at = (date: string, h: number, m: number) => nyWallTimeToUtc(date, h * 60 + m);
const exits = scheduleOf("exits");

describe("the whole session watched: index options close 15 minutes after the equity close", () => {
  it("the calendar knows the options close: 16:15, or 13:15 on an early close", () => {
    expect(sessionOn(NORMAL)!.optionsCloseAt).toBe(at(NORMAL, 16, 15));
    expect(sessionOn(EARLY)!.optionsCloseAt).toBe(at(EARLY, 13, 15));
    expect(isMarketOpen(at(NORMAL, 16, 10))).toBe(false);
    expect(isOptionsMarketOpen(at(NORMAL, 16, 10))).toBe(true);
    expect(isOptionsMarketOpen(at(NORMAL, 16, 15))).toBe(false);
    expect(isOptionsMarketOpen(at(EARLY, 13, 10))).toBe(true);
    expect(isOptionsMarketOpen(at(EARLY, 13, 15))).toBe(false);
  });

  it("a normal day: exits are checked at 16:00, 16:05 and 16:10, not after", () => {
    for (const m of [0, 5, 10]) expect(skipReason(exits, at(NORMAL, 16, m)), `16:${m}`).toBeNull();
    expect(skipReason(exits, at(NORMAL, 16, 15))).toBe("off-schedule");
    expect(skipReason(scheduleOf("ideas"), at(NORMAL, 16, 0))).toBe("off-schedule");
  });

  it("an early close: exits are checked until 13:10, skipped from 13:15", () => {
    expect(skipReason(exits, at(EARLY, 13, 5))).toBeNull();
    expect(skipReason(exits, at(EARLY, 13, 10))).toBeNull();
    expect(skipReason(exits, at(EARLY, 13, 15))).toBe("market-closed");
    expect(skipReason(exits, at(EARLY, 15, 0))).toBe("market-closed");
  });

  it("the stream stops five minutes after the options close, from the same calendar", () => {
    expect(streamStopAt(16 * 60)).toEqual([16, 20]);
    expect(streamStopAt(13 * 60)).toEqual([13, 20]);
    const { actions } = streamScalingActions("2026-11-02", 1);
    expect(actions.find((a) => a.name === "CloseStream")!.cron).toBe("cron(20 16 ? * * *)");
    expect(actions.find((a) => a.name === "EarlyCloseStream-2026-11")!.cron).toBe("cron(20 13 27 11 ? 2026)");
  });

  it("the local scheduler runs the same schedule: exits at 16:10 on a normal day, not at 13:15 on an early close", async () => {
    const fire = async (ms: number): Promise<string[]> => {
      const runs: JobRun[] = [];
      const s = new LocalScheduler({
        clock: new FakeClock(ms),
        log: silentLog,
        schedules: [exits],
        marketHours: nyseMarketHours,
        run: async (r) => void runs.push(r),
      });
      s.tick();
      await s.stop();
      return runs.map((r) => r.job);
    };
    expect(await fire(at(NORMAL, 16, 10))).toEqual(["exits"]);
    expect(await fire(at(EARLY, 13, 10))).toEqual(["exits"]);
    expect(await fire(at(EARLY, 13, 15))).toEqual([]);
  });
});
