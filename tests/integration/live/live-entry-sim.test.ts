import { DEFAULT_FEE_SCHEDULE, spreadOrderFees } from "@stratdeck/core/ledger";
import { describe, expect, it } from "vitest";
import { enterLive, livePlacementKey } from "@stratdeck/core/venues/tastytrade";
import { ENTRY_LEASE_MS, MemoryPaperOrderStore, positionIdFor } from "@stratdeck/core/ledger";
import { type liveSettings, entryDeps, spreadRecords, useLiveSim, type LiveEnv } from "./live-sim";

let env: LiveEnv;
let orders: MemoryPaperOrderStore;

useLiveSim((e) => {
  env = e;
  orders = new MemoryPaperOrderStore();
});

const deps = (over: Parameters<typeof liveSettings>[0] = {}) => entryDeps(env, orders, over);

describe("live entry against the simulated broker", () => {
  it("an armed, confirmed entry is dry-run, placed with the same body, filled and recorded with mode live from the fill report", async () => {
    const { records, natural } = await spreadRecords(env);
    const r = await enterLive(deps(), records, env.log);
    expect(r.status).toBe("placed");
    const calls = env.broker.calls.map((c) => c.call);
    expect(calls.slice(0, 2)).toEqual(["dryRun", "submit"]);
    expect(env.broker.calls[1]!.order).toEqual(env.broker.calls[0]!.order);
    expect(r.execution?.status).toBe("filled");

    const [position] = await orders.listOpenPositions();
    expect(position).toMatchObject({ mode: "live", quantity: 1, entryCredit: natural });
    const [open] = await orders.ordersOf(position!.positionId);
    expect(open).toMatchObject({ mode: "live", side: "credit", price: natural, quantity: 1 });
    expect(open!.brokerOrderIds).toEqual(r.execution!.orderIds);
    // Per-leg prices are the broker's fills: short at its bid, long at its ask (limit = natural).
    expect(open!.legs.map((l) => l.fillPrice)).toEqual([
      records.order.legs[0]!.bid,
      records.order.legs[1]!.ask,
    ]);
    const held = await env.broker.positions();
    expect(held.map((p) => [p.symbol, p.quantity]).sort()).toEqual(
      [
        [records.order.legs[0]!.occSymbol, -1],
        [records.order.legs[1]!.occSymbol, 1],
      ].sort(),
    );
    expect(env.log.events("live.order.filled")).toHaveLength(1);
  });

  it("a partial fill: 1 of 3 spreads fills, the rest is cancelled after the timeout, and the log records 1", async () => {
    env.sim.broker.controls.maxFillPerOrder = 1;
    const { records } = await spreadRecords(env, { quantity: 3 });
    const r = await enterLive(deps({ cancelAfterMs: 5_000 }), records, env.log);
    expect(r.status).toBe("placed");
    expect(r.execution?.status).toBe("partial");
    expect(r.reasons[0]?.code).toBe("live-partial");
    expect(env.broker.calls.map((c) => c.call)).toContain("cancelOrder");
    const [position] = await orders.listOpenPositions();
    expect(position?.quantity).toBe(1);
    expect(position?.maxLossCents).toBe(Math.round((25 - position!.entryCredit) * 100 * 100));
    expect((await env.broker.positions()).map((p) => Math.abs(p.quantity))).toEqual([1, 1]);
    // Fees are charged on the one spread that filled, at its fill prices, not on the three asked for.
    const filledFees = spreadOrderFees(
      DEFAULT_FEE_SCHEDULE,
      "open",
      position!,
      position!.legs.map((l) => l.entryPrice),
      position!.openedAt,
    );
    expect(position?.entryFeesCents).toBe(filledFees.totalCents);
    const askedFees = spreadOrderFees(
      DEFAULT_FEE_SCHEDULE,
      "open",
      { ...position!, quantity: 3 },
      position!.legs.map((l) => l.entryPrice),
      position!.openedAt,
    );
    expect(askedFees.totalCents).toBeGreaterThan(2 * filledFees.totalCents);
    const [order] = await orders.listRecentOrders(1);
    expect(order?.fees?.totalCents).toBe(filledFees.totalCents);
    // The ledger tells the order's progress truthfully: 1 of 3 filled, the rest cancelled and why.
    const events = await orders.eventsOf(position!.positionId);
    expect(events.map((e) => e.type).sort()).toEqual(["cancel", "fill"]);
    expect(events.find((e) => e.type === "cancel")).toMatchObject({ orderQuantity: 3, reason: "timeout" });
    expect((await orders.stateOf(position!.positionId))?.orders).toEqual([
      { orderId: order!.orderId, effect: "open", orderQuantity: 3, filled: 1, cancelled: true },
    ]);
  });

  it("a reject for buying power stops at the dry run: nothing placed, nothing written", async () => {
    env.sim.broker.controls.buyingPowerUsd = 10;
    const { records } = await spreadRecords(env);
    const r = await enterLive(deps(), records, env.log);
    expect(r).toMatchObject({ status: "refused", reasons: [{ code: "live-rejected" }] });
    expect(r.reasons[0]?.message).toMatch(/buying power/);
    expect(env.broker.calls.map((c) => c.call)).toEqual(["dryRun"]);
    expect(await orders.listRecentOrders(10)).toEqual([]);
  });

  it("a reject after placement (market closed) writes nothing and says why", async () => {
    env.sim.broker.controls.marketOpen = false;
    const { records } = await spreadRecords(env);
    const r = await enterLive(deps(), records, env.log);
    expect(r).toMatchObject({
      status: "refused",
      reasons: [{ code: "live-rejected", message: "Market is closed" }],
    });
    expect(env.broker.calls.map((c) => c.call).slice(0, 2)).toEqual(["dryRun", "submit"]);
    expect(await orders.listRecentOrders(10)).toEqual([]);
  });

  it("an unfilled order is cancelled after the configured time; nothing is written", async () => {
    const { records } = await spreadRecords(env, { offset: 0.5 });
    const start = env.clock.now();
    const r = await enterLive(deps({ cancelAfterMs: 7_000, pollMs: 1_000 }), records, env.log);
    expect(r).toMatchObject({ status: "refused", reasons: [{ code: "live-cancelled" }] });
    expect(r.execution?.attempts).toEqual([expect.objectContaining({ status: "Cancelled", filled: 0 })]);
    expect(env.clock.now() - start).toBeGreaterThanOrEqual(7_000);
    expect(env.clock.now() - start).toBeLessThan(9_000);
    expect(env.log.events("live.order.cancel")).toHaveLength(1);
    expect(await orders.listRecentOrders(10)).toEqual([]);
    expect(await env.broker.positions()).toEqual([]);
  });

  it("the limit walks toward the natural price one logged tick at a time, never past it, and fills there", async () => {
    const { records, natural } = await spreadRecords(env, { offset: 0.2 });
    const r = await enterLive(deps({ walkSteps: 5, cancelAfterMs: 2_000 }), records, env.log);
    expect(r.execution?.status).toBe("filled");
    const walks = env.log.events("live.order.walk").map((w) => w.to as number);
    // One tick per step (0.05 under 3.00, 0.10 above), strictly down to the natural credit.
    expect(walks.length).toBeGreaterThanOrEqual(2);
    expect(walks[walks.length - 1]).toBe(natural);
    const prices = [records.order.price, ...walks];
    for (let i = 1; i < prices.length; i++) {
      const step = Math.round((prices[i - 1]! - prices[i]!) * 100) / 100;
      expect(step).toBe(prices[i - 1]! > 3 ? 0.1 : 0.05);
    }
    expect(r.execution?.attempts.map((a) => a.status)).toEqual([...walks.map(() => "Cancelled"), "Filled"]);
    expect((await orders.listOpenPositions())[0]?.entryCredit).toBe(natural);
  });

  it("two deliveries of the same entry at once send one order to the broker; the other is a duplicate", async () => {
    const { records } = await spreadRecords(env);
    const [a, b] = await Promise.all([
      enterLive(deps(), records, env.log),
      enterLive(deps(), structuredClone(records), env.log),
    ]);
    expect([a.status, b.status].sort()).toEqual(["duplicate", "placed"]);
    const dup = a.status === "duplicate" ? a : b;
    expect(dup.reasons[0]?.code).toBe("live-already-placed");
    expect(env.broker.calls.filter((c) => c.call === "submit")).toHaveLength(1);
    expect((await env.broker.positions()).map((p) => Math.abs(p.quantity))).toEqual([1, 1]);
    expect(await orders.listOpenPositions()).toHaveLength(1);
  });

  it("a redelivery after the fill sends nothing: the entry key was claimed before placement", async () => {
    const { records } = await spreadRecords(env);
    expect((await enterLive(deps(), records, env.log)).status).toBe("placed");
    const again = await enterLive(deps(), records, env.log);
    expect(again.status).toBe("duplicate");
    expect(env.broker.calls.filter((c) => c.call === "submit")).toHaveLength(1);
    expect(env.log.events("live.order.duplicate-delivery")).toHaveLength(1);
  });
  it("a placement claim left by a run that died before its order is taken over once its lease ended; a finished one never is", async () => {
    const { records } = await spreadRecords(env);
    const id = positionIdFor(records.order.idempotencyKey);
    // A run claimed the placement, then died before writing anything.
    await orders.claims.claim(
      livePlacementKey(id),
      "placing:dead-run",
      env.clock.now() + ENTRY_LEASE_MS,
      true,
    );
    expect((await enterLive(deps(), records, env.log)).status).toBe("duplicate");
    env.clock.advance(ENTRY_LEASE_MS + 1);
    expect((await enterLive(deps(), records, env.log)).status).toBe("placed");
    expect(env.log.events("live.order.placement-taken-over")).toHaveLength(1);
    expect(env.broker.calls.filter((c) => c.call === "submit")).toHaveLength(1);

    // An entry whose order ended unfilled is done: its redelivery stays a duplicate after any lease.
    const unfilled = (
      await spreadRecords(env, { offset: 1, key: "short_put_spread|SPX|2026-03-10T10:30|x|1" })
    ).records;
    expect((await enterLive(deps(), unfilled, env.log)).status).toBe("refused");
    env.clock.advance(ENTRY_LEASE_MS + 1);
    expect((await enterLive(deps(), unfilled, env.log)).status).toBe("duplicate");
    expect(env.broker.calls.filter((c) => c.call === "submit")).toHaveLength(2);
  });
});
