import { describe, expect, it } from "vitest";
import { MemoryAlertStore, MemoryNotifier } from "@stratdeck/core/alerts";
import { validateConfig } from "@stratdeck/core/config";
import { memoryLog } from "@stratdeck/core/log";
import { horizonDaysLeft, runHealthJob } from "@stratdeck/core/orchestrator";
import { FakeClock } from "@stratdeck/core/time";

// An invalid configuration makes the check unhealthy without any network.
const broken = validateConfig({ STRATDECK_DATA_MODE: "live" });

function deps(clock: FakeClock) {
  return {
    clock,
    log: memoryLog(),
    config: broken,
    alerts: new MemoryAlertStore(clock),
    notifier: new MemoryNotifier(),
  };
}

describe("health job", () => {
  it("alerts once per New York day when the data path is unhealthy during a session", async () => {
    const clock = new FakeClock("2026-11-25T15:00:00Z"); // Wednesday 10:00 ET
    const d = deps(clock);
    const first = await runHealthJob(d, { job: "health", slot: "2026-11-25T10:00", at: clock.now() });
    expect(first.ok).toBe(false);
    expect(first.alert).toBe("sent");
    expect(d.notifier.sent[0]?.subject).toBe("StratDeck: data path unhealthy");
    expect(d.notifier.sent[0]?.message).toMatch(/TASTY_CLIENT_SECRET/);
    clock.advance(15 * 60_000);
    const again = await runHealthJob(d, { job: "health", slot: "2026-11-25T10:15", at: clock.now() });
    expect(again.alert).toBe("duplicate");
    expect(d.notifier.sent).toHaveLength(1);
  });

  it("does not alert outside a session (the stream is stopped then)", async () => {
    const clock = new FakeClock("2026-11-26T15:00:00Z"); // Thanksgiving
    const d = deps(clock);
    const r = await runHealthJob(d, { job: "health", slot: "2026-11-26T10:00", at: clock.now() });
    expect(r.ok).toBe(false);
    expect(r.alert).toBe("none");
    expect(d.notifier.sent).toEqual([]);
  });
});

describe("the stream's scaling horizon", () => {
  it("warns once a day from 30 days before the last scheduled day, naming the command", async () => {
    const clock = new FakeClock("2027-12-01T15:00:00Z"); // 30 days before 2027-12-31
    const d = { ...deps(clock), streamHorizonEnd: "2027-12-31" };
    const run = () => runHealthJob(d, { job: "health", slot: "x", at: clock.now() });
    expect((await run()).horizon).toBe("sent");
    expect(d.notifier.sent.at(-1)?.subject).toBe("StratDeck: the stream schedule ends soon: redeploy");
    expect(d.notifier.sent.at(-1)?.message).toMatch(
      /in 30 day\(s\), on 2027-12-31.*npx sst deploy --stage <stage>/,
    );
    expect((await run()).horizon).toBe("duplicate");
    clock.advance(86_400_000);
    expect((await run()).horizon).toBe("sent");
  });

  it("stays quiet further away, and keeps warning after the horizon has passed", () => {
    expect(horizonDaysLeft("2027-12-31", "2027-11-30")).toBeNull();
    expect(horizonDaysLeft("2027-12-31", "2027-12-01")).toBe(30);
    expect(horizonDaysLeft("2027-12-31", "2028-01-03")).toBe(-3);
    expect(horizonDaysLeft(undefined, "2027-12-01")).toBeNull();
  });
});
