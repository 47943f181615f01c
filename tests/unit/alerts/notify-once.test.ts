import { describe, expect, it } from "vitest";
import { MemoryAlertStore, MemoryNotifier, notifyOnce, type AlertStore } from "@stratdeck/core/alerts";
import { memoryLog } from "@stratdeck/core/log";
import { FakeClock } from "@stratdeck/core/time";

const alert = {
  positionId: "pos_1",
  rule: "profit-target",
  subject: "exit",
  message: "take profit",
  details: {},
};

describe("notifyOnce", () => {
  it("sends once, then reports duplicates", async () => {
    const deps = {
      alerts: new MemoryAlertStore(new FakeClock(0)),
      notifier: new MemoryNotifier(),
      log: memoryLog(),
    };
    expect(await notifyOnce(deps, alert)).toBe("sent");
    expect(await notifyOnce(deps, alert)).toBe("duplicate");
    expect(deps.notifier.sent).toHaveLength(1);
  });

  it("releases the claim when publishing fails so the next run retries", async () => {
    const deps = {
      alerts: new MemoryAlertStore(new FakeClock(0)),
      notifier: new MemoryNotifier(),
      log: memoryLog(),
    };
    deps.notifier.failNext();
    expect(await notifyOnce(deps, alert)).toBe("failed");
    expect(await notifyOnce(deps, alert)).toBe("sent");
  });

  it("reports 'failed' (logged, nothing published) when the alert store cannot claim, instead of throwing", async () => {
    const broken = {
      claim: async () => Promise.reject(new Error("table unreachable")),
    } as unknown as AlertStore;
    const log = memoryLog();
    const notifier = new MemoryNotifier();
    expect(await notifyOnce({ alerts: broken, notifier, log }, alert)).toBe("failed");
    expect(notifier.sent).toEqual([]);
    expect(log.events("alert.failed")).toEqual([
      expect.objectContaining({ positionId: "pos_1", stage: "claim" }),
    ]);
  });
});
