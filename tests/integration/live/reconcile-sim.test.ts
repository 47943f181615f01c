import { describe, expect, it } from "vitest";
import { MemoryAlertStore, MemoryNotifier } from "@stratdeck/core/alerts";
import { enterLive, reconcileLive } from "@stratdeck/core/venues/tastytrade";
import { runReconcileJob } from "@stratdeck/core/orchestrator";
import { DEFAULT_FEE_SCHEDULE, MemoryPaperOrderStore } from "@stratdeck/core/ledger";
import { PaperVenue, venuesOf } from "@stratdeck/core/venues";
import { entryDeps, spreadRecords, useLiveSim, type LiveEnv } from "./live-sim";

let env: LiveEnv;
let orders: MemoryPaperOrderStore;
let alerts: MemoryAlertStore;
let notifier: MemoryNotifier;

useLiveSim((e) => {
  env = e;
  orders = new MemoryPaperOrderStore();
  alerts = new MemoryAlertStore(env.clock);
  notifier = new MemoryNotifier();
});

describe("reconciliation of live positions with GET /accounts/{a}/positions", () => {
  it("agrees after a live fill, then a drifted position raises exactly one alert", async () => {
    const { records } = await spreadRecords(env);
    const entry = await enterLive(entryDeps(env, orders), records, env.log);
    expect(entry.status).toBe("placed");
    const deps = { orders, broker: env.broker, clock: env.clock, log: env.log, alerts, notifier };
    const clean = await reconcileLive(deps);
    expect(clean).toMatchObject({ livePositions: 1, brokerLegs: 2, drift: [], alert: "none" });

    // The broker now holds one more short contract of the short leg, and a leg the log never saw.
    const [short] = records.order.legs;
    env.sim.broker.adjustPosition(short!.occSymbol, "SPX", -1);
    env.sim.broker.adjustPosition("SPXW  270115C07000000", "SPX", 2);
    const drifted = await reconcileLive(deps);
    expect(drifted.drift).toEqual([
      { symbol: short!.occSymbol, expected: -1, held: -2, kind: "quantity" },
      { symbol: "SPXW  270115C07000000", expected: 0, held: 2, kind: "broker-only" },
    ]);
    expect(drifted.alert).toBe("sent");
    expect(notifier.sent).toHaveLength(1);
    expect(notifier.sent[0]?.message).toContain("order log -1, broker -2");
    expect(env.log.events("live.reconcile.drift")).toHaveLength(1);

    const again = await reconcileLive(deps);
    expect(again.alert).toBe("duplicate");
    expect(notifier.sent).toHaveLength(1);
  });

  it("a leg the log holds but the broker does not is log-only drift", async () => {
    const { records } = await spreadRecords(env);
    await enterLive(entryDeps(env, orders), records, env.log);
    const [, long] = records.order.legs;
    env.sim.broker.adjustPosition(long!.occSymbol, "SPX", -1);
    const r = await reconcileLive({ orders, broker: env.broker, clock: env.clock, log: env.log });
    expect(r.drift).toEqual([{ symbol: long!.occSymbol, expected: 1, held: 0, kind: "log-only" }]);
    expect(r.alert).toBe("logged");
  });

  it("the scheduled job has nothing to reconcile in paper mode", async () => {
    const r = await runReconcileJob({
      orders,
      clock: env.clock,
      log: env.log,
      venues: venuesOf(new PaperVenue()),
      strategies: { fees: DEFAULT_FEE_SCHEDULE },
    });
    expect(r).toEqual({ skipped: "not in live trading mode: no live positions to reconcile" });
  });
});
