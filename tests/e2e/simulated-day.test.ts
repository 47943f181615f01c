import { describe, expect, it } from "vitest";
import { MemoryNotifier } from "@stratdeck/core/alerts";
import { validateConfig } from "@stratdeck/core/config";
import { memoryLog } from "@stratdeck/core/log";
import { runSimulatedDay } from "@stratdeck/sim/simulated-day";
import { testSettings } from "../support/paper-settings";
import { startSimulator } from "@stratdeck/sim";
import { FakeClock } from "@stratdeck/core/time";
import { buildDeps } from "@stratdeck/core/wiring";
import { engineTargets } from "../support/engines";
import { randomUUID } from "node:crypto";
import { defaultTableNames } from "@stratdeck/core/storage";

describe("simulated trading day (fake clock, simulator, DynamoDB engine; no outside network)", () => {
  it("opens one paper trade in the morning and suggests an exit at +50% after an intraday move", async () => {
    const date = "2026-12-02"; // a Wednesday
    const clock = new FakeClock(`${date}T12:00:00Z`);
    const sim = await startSimulator({ clock, seed: 7 });
    const env = validateConfig({});
    if (!env.ok) throw new Error("default config must be valid");
    const notifier = new MemoryNotifier();
    const log = memoryLog();
    const deps = await buildDeps(
      {
        ...env.config,
        dynamoEndpoint: engineTargets()[0]!.endpoint!,
        tables: defaultTableNames(`day${randomUUID().slice(0, 6)}`),
        tasty: { clientSecret: "sim", refreshToken: "sim", isTest: false, apiUrl: sim.restUrl },
      },
      { clock, log, notifier },
    );
    try {
      const settings = testSettings({ risk: { maxOpenPositions: 1, maxEntriesPerSlot: 1 } });
      const report = await runSimulatedDay(
        { ...deps, clock, market: sim.market },
        { date, settings, strategy: "short_put_spread_index_45d" },
      );
      // One paper trade, entered by the first (10:00 ET) scan.
      expect(report.entries).toHaveLength(1);
      const entry = report.entries[0]!;
      expect(entry.at).toBe("2026-12-02T15:00:00.000Z");
      expect(entry.credit).toBeGreaterThan(0);
      expect(report.ideas.length).toBeGreaterThan(0);
      expect(report.ideas[0]!.legs).toHaveLength(2);
      // One exit suggestion: the profit target, at or just above 50% of max profit.
      const profit = report.exitAlerts.filter((a) => a.rule === "profit-target");
      expect(profit).toHaveLength(1);
      expect(profit[0]!.positionId).toBe(entry.positionId);
      expect(profit[0]!.value).toBeGreaterThanOrEqual(0.5);
      expect(profit[0]!.value).toBeLessThan(0.7);
      expect(Date.parse(profit[0]!.at)).toBeGreaterThan(Date.parse(entry.at));
      // The alert went out once through the notifier, and the position is marked with P&L.
      expect(notifier.sent.filter((m) => m.attributes?.rule === "profit-target")).toHaveLength(1);
      expect(report.positions).toHaveLength(1);
      const pos = report.positions[0]!;
      expect(pos.status).toBe("priced");
      if (pos.status === "priced") expect(pos.pnlCents).toBeGreaterThan(0);
      // Structured logs with the documented event names.
      expect(log.events("paper.entry")).toHaveLength(1);
      expect(log.events("paper.entry")[0]).toMatchObject({ positionId: entry.positionId });
      expect(log.events("exits.check").length).toBeGreaterThan(10);
      expect(log.events("alert.sent")).toEqual([
        expect.objectContaining({ positionId: entry.positionId, rule: "profit-target" }),
      ]);
    } finally {
      await deps.close();
      await sim.stop();
    }
  }, 120_000);
});
