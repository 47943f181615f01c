import { describe, expect, it } from "vitest";
import { enterLive, finishPendingOrders, leaseMs, TastyLiveBroker } from "@stratdeck/core/venues/tastytrade";
import { TastyRestClient } from "@stratdeck/core/tasty";
import { MemoryPaperOrderStore } from "@stratdeck/core/ledger";
import { bookOf, entryDeps, liveSettings, spreadRecords, useLiveSim, type LiveEnv } from "./live-sim";

let env: LiveEnv;
let orders: MemoryPaperOrderStore;

useLiveSim((e) => {
  env = e;
  orders = new MemoryPaperOrderStore();
});

const ORDER_BY_ID = /^\/accounts\/[^/]+\/orders\/\d+$/;

/** The broker's view of an order (status and filled contracts of the first leg). */
async function brokerOrder(id: string) {
  const o = await env.broker.getOrder(id);
  return { status: o.status, filled: o.legs[0]!.fills.reduce((n, f) => n + f.quantity, 0) };
}

describe("live orders are followed to a final state", () => {
  it("a 429 on the 3rd status poll: polling backs off, the cancel still goes out on time, the order ends cancelled", async () => {
    env.sim.routes.fail({ method: "GET", path: ORDER_BY_ID, nth: 3, kind: 429 });
    // Priced a dollar above the natural credit: it never fills.
    const { records } = await spreadRecords(env, { offset: 1 });
    const r = await enterLive(entryDeps(env, orders, { cancelAfterMs: 10_000 }), records, env.log);
    expect(r.status).toBe("refused");
    expect(r.reasons[0]?.code).toBe("live-cancelled");
    const id = r.execution!.orderIds[0]!;
    env.clock.advance(60_000); // the poll route's 429 cooldown, before this test reads it again
    expect(await brokerOrder(id)).toEqual({ status: "Cancelled", filled: 0 });
    // The poll was retried; the cancel was not held back by the GET's 60 s cooldown.
    expect(env.log.events("live.order.retry").map((e) => e.call)).toEqual(["poll"]);
    const cancel = env.log.events("live.order.cancel")[0]!;
    expect(cancel.afterMs).toBeLessThan(60_000);
    expect(await orders.listPendingOrders()).toEqual([]);
    expect(await orders.keyHolder("live-open#0")).toBeNull();
  });

  it("a 503 and a timeout on polls are retried too", async () => {
    env.sim.routes.fail({ method: "GET", path: ORDER_BY_ID, nth: 1, kind: 503 });
    env.sim.routes.fail({ method: "GET", path: ORDER_BY_ID, nth: 2, kind: "timeout", holdMs: 3_000 });
    const { records } = await spreadRecords(env, { offset: 1 });
    // A client that gives up after 1 s, so the held poll times out.
    const rest = new TastyRestClient({
      tasty: { clientSecret: "s", refreshToken: "r", isTest: false, apiUrl: env.sim.restUrl },
      clock: env.clock,
      log: env.log,
      timeoutMs: 1_000,
    });
    const deps = { ...entryDeps(env, orders, { cancelAfterMs: 10_000 }), broker: new TastyLiveBroker(rest) };
    const r = await enterLive(deps, records, env.log);
    expect(r.reasons[0]?.code).toBe("live-cancelled");
    expect(env.log.events("live.order.retry")).toHaveLength(2);
    expect(await brokerOrder(r.execution!.orderIds[0]!)).toEqual({ status: "Cancelled", filled: 0 });
  });

  it("a cancel that races a fill: the broker answers not cancellable, the order is read again and the fill recorded", async () => {
    env.sim.broker.faults.fillBeforeCancel = 1;
    const { records } = await spreadRecords(env, { offset: 1 });
    const r = await enterLive(entryDeps(env, orders, { cancelAfterMs: 5_000 }), records, env.log);
    expect(env.log.events("live.order.not-cancellable")).toHaveLength(1);
    expect(r.status).toBe("placed");
    const [position] = await orders.listOpenPositions();
    expect(position).toMatchObject({ mode: "live", quantity: 1, entryCredit: records.order.price });
    expect(await brokerOrder(r.execution!.orderIds[0]!)).toEqual({ status: "Filled", filled: 1 });
    expect(await orders.keyHolder("live-open#0")).toBe(position!.positionId);
  });

  it("Routed, In Flight and Cancel Requested are followed through to the end", async () => {
    env.sim.broker.faults.preLive = ["Routed", "In Flight"];
    env.sim.broker.faults.cancelRequestedLooks = 2;
    const { records } = await spreadRecords(env, { offset: 1 });
    const r = await enterLive(entryDeps(env, orders, { cancelAfterMs: 5_000 }), records, env.log);
    expect(r.reasons[0]?.code).toBe("live-cancelled");
    const statuses = env.log.events("live.order.final").map((e) => e.status);
    expect(statuses).toEqual(["Cancelled"]);
  });
});

describe("a run that stops mid-order", () => {
  /** Places an entry whose run dies at its first wait after the placement (a killed process). */
  async function killedEntry(offset: number) {
    const { records } = await spreadRecords(env, { offset });
    const deps = {
      ...entryDeps(env, orders, { cancelAfterMs: 10_000 }),
      sleep: () => Promise.reject(new Error("killed")),
    };
    await expect(enterLive(deps, records, env.log)).rejects.toThrow("killed");
    return records;
  }

  const finish = () =>
    finishPendingOrders({
      orders,
      broker: env.broker,
      clock: env.clock,
      log: env.log,
      settings: liveSettings({ cancelAfterMs: 10_000 }),
      book: bookOf(env, orders),
      sleep: env.sleep,
    });

  it("leaves a pending record; the next run waits for its lease, then cancels the order and gives the cap back", async () => {
    await killedEntry(1);
    const [pending] = await orders.listPendingOrders();
    expect(pending).toMatchObject({ purpose: "open" });
    expect(pending!.brokerOrderId).toBeDefined();
    expect(await brokerOrder(pending!.brokerOrderId!)).toMatchObject({ status: "Live" });
    // Within the lease the placing run may still be following it: left alone.
    expect((await finish()).active).toEqual([pending!.id]);
    env.clock.advance(leaseMs(liveSettings({ cancelAfterMs: 10_000 })) + 1);
    const report = await finish();
    expect(report.finished).toEqual([pending!.id]);
    expect(await brokerOrder(pending!.brokerOrderId!)).toEqual({ status: "Cancelled", filled: 0 });
    expect(await orders.listPendingOrders()).toEqual([]);
    expect(await orders.listOpenPositions()).toEqual([]);
    expect(await orders.keyHolder("live-open#0")).toBeNull();
    expect(env.log.events("live.order.resume")).toHaveLength(1);
  });

  it("an order that filled while nobody watched is recorded by the next run from the broker's fills", async () => {
    const records = await killedEntry(1);
    env.sim.broker.faults.fillBeforeCancel = 1;
    env.clock.advance(leaseMs(liveSettings({ cancelAfterMs: 10_000 })) + 1);
    expect((await finish()).finished).toHaveLength(1);
    const [position] = await orders.listOpenPositions();
    expect(position).toMatchObject({ mode: "live", quantity: 1, entryCredit: records.order.price });
    expect(await orders.keyHolder("live-open#0")).toBe(position!.positionId);
    expect(await orders.listPendingOrders()).toEqual([]);
  });
});
