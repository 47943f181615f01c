import { PaperVenue, venuesOf } from "@stratdeck/core/venues";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import { DynamoAlertStore, MemoryNotifier } from "@stratdeck/core/alerts";
import { silentLog } from "@stratdeck/core/log";
import { DynamoSnapshotStore } from "@stratdeck/core/market-data";
import {
  checkExits,
  DynamoPaperOrderStore,
  enterAuto,
  markPositions,
  RecordingSettlementSource,
  SessionPrintSettlementSource,
  settleExpired,
  settlementMoment,
} from "@stratdeck/core/ledger";
import { startSimulator, type RunningSimulator } from "@stratdeck/sim";
import { generateIdeas, loadStrategiesFile } from "@stratdeck/core/strategies";
import { MemoryStatusStore } from "@stratdeck/core/status";
import { DynamoCooldownStore, TastyMarketDataProvider, TastyRestClient } from "@stratdeck/core/tasty";
import { FakeClock } from "@stratdeck/core/time";
import { engineTargets, freshTables } from "../../support/engines";
import { testSettings } from "../../support/paper-settings";

// Wednesday 2026-11-25, 10:00 New York.
const START = "2026-11-25T15:00:00Z";
const target = engineTargets().find((t) => t.name === "dynamodb-local")!;
const suite = target.endpoint ? describe : describe.skip;

suite(`paper lifecycle against the simulator [${target.name}]`, () => {
  let sim: RunningSimulator;
  const clock = new FakeClock(START);
  let deps: Parameters<typeof checkExits>[0] &
    Parameters<typeof enterAuto>[0] &
    Pick<Parameters<typeof settleExpired>[0], "settlement">;

  beforeAll(async () => {
    sim = await startSimulator({ clock, seed: 3 });
    sim.market.setWalk(false);
    const { doc, tables } = await freshTables(target.endpoint!);
    const rest = new TastyRestClient({
      tasty: { clientSecret: "sim", refreshToken: "sim", isTest: false, apiUrl: sim.restUrl },
      clock,
      log: silentLog,
      cooldowns: new DynamoCooldownStore(doc, tables.cooldowns, clock),
      timeoutMs: 3_000,
    });
    const snapshots = new DynamoSnapshotStore(doc, tables.snapshots, clock);
    const provider = new TastyMarketDataProvider({ rest, snapshots, clock, log: silentLog });
    deps = {
      config: { tradingMode: "paper", liveArmed: false },
      clock,
      log: silentLog,
      orders: new DynamoPaperOrderStore(doc, tables.orders),
      provider,
      venues: venuesOf(new PaperVenue()),
      alerts: new DynamoAlertStore(doc, tables.alerts, clock),
      notifier: new MemoryNotifier(),
      settlement: new RecordingSettlementSource(
        new SessionPrintSettlementSource(rest),
        new MemoryStatusStore(clock),
      ),
    };
  });
  afterAll(async () => {
    await sim?.stop();
  });

  it("scans, enters, marks, alerts once on a rally, and settles at expiry", async () => {
    const strategies = await loadStrategiesFile(join(process.cwd(), "strategies.yaml"));
    const { ideas } = await generateIdeas(
      { ...deps, strategies, config: { strictFilters: false } },
      { strategy: "short_put_spread_index_45d", underlyings: ["SPX"] },
    );
    const idea = ideas[0]!;
    // The sim's REST path is the only source here; force the idea through the filters to exercise entry.
    const settings = testSettings({ fill: { model: "mid" } });
    const entry = await enterAuto(deps, [{ ...idea, verdict: "pass", tradable: true }], {
      slot: "2026-11-25T10:00",
      settings,
    });
    // A refusal fails with its reasons (a quote gone stale on a loaded machine reads differently
    // from a rule that refused).
    expect(entry.outcomes[0], JSON.stringify(entry.outcomes[0]?.reasons)).toMatchObject({
      status: "entered",
    });
    const before = await markPositions(deps, { settings });
    expect(before.positions[0]).toMatchObject({ status: "priced", underlying: "SPX" });

    sim.market.move("SPX", 0.08);
    clock.advance(60_000);
    const notifier = deps.notifier as MemoryNotifier;
    for (let i = 0; i < 2; i++) await checkExits(deps, { settings });
    expect(notifier.sent.map((m) => m.attributes?.rule)).toEqual(["profit-target"]);

    const position = (await deps.orders.listOpenPositions())[0]!;
    clock.set(settlementMoment(position.expiration, position.settlement) + 60_000);
    const settled = await settleExpired(deps);
    expect(settled.settled).toEqual([
      expect.objectContaining({
        positionId: position.positionId,
        settlementSource: "rest:close",
        settlementAt: settlementMoment(position.expiration, position.settlement),
        approximate: false,
        exitDebit: 0,
      }),
    ]);
    expect(settled.settled[0]?.realizedPnlCents).toBe(position.maxProfitCents);
    expect(await deps.orders.listOpenPositions()).toEqual([]);
  });
});
