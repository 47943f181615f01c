import { describe, expect, it } from "vitest";
import { SCHEDULES } from "@stratdeck/core/orchestrator";
import { deadManWindows } from "../../stacks/monitoring";

describe("dead-man windows", () => {
  it("every scheduled run of every job falls in the 30 minutes a dead-man window looks back on", () => {
    // A run at minute r beats in the 5-minute period [p, p + 5) holding r; an evaluation at
    // minute t sees the six whole periods before t. Each run must be seen by some evaluation
    // inside one of its job's windows, so a missing run pages: settle's 09:45 and 10:15, and
    // each job's last run, included.
    for (const s of SCHEDULES) {
      const runs = [...(s.alsoAtMinutes ?? [])];
      for (let m = s.startMinute; m < s.endMinute; m++) if (m % s.everyMinutes === 0) runs.push(m);
      const windows = deadManWindows(s);
      for (const r of runs) {
        const period = r - (r % 5);
        // Evaluations after the reset (open + 1) and before the close, 2 minutes after the
        // period ends at the earliest (the metric arrives through the logs).
        const seen = windows.some((w) => {
          for (let t = w.open + 1; t < w.close; t++) {
            const end = t - (t % 5);
            if (period >= end - 30 && period + 5 <= end && t >= period + 7) return true;
          }
          return false;
        });
        expect(seen, `${s.job} run at ${Math.floor(r / 60)}:${String(r % 60).padStart(2, "0")}`).toBe(true);
      }
    }
    const settle = SCHEDULES.find((s) => s.job === "settle")!;
    expect(deadManWindows(settle).map((w) => w.open)).toEqual([9 * 60 + 52, 10 * 60 + 22, 16 * 60 + 22]);
  });
});
