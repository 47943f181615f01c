import { describe, expect, it } from "vitest";
import { MemoryAlertStore, MemoryNotifier } from "@stratdeck/core/alerts";
import { enterLive } from "@stratdeck/core/venues/tastytrade";
import {
  ENTRY_LEASE_MS,
  MemoryPaperOrderStore,
  NO_FEES,
  recordClose,
  type OrderFees,
  type PositionRecord,
} from "@stratdeck/core/ledger";
import { type liveSettings, entryDeps, spreadRecords, useLiveSim, type LiveEnv } from "./live-sim";

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

const deps = (over: Parameters<typeof liveSettings>[0] = {}) => ({
  ...entryDeps(env, orders, over),
  alerts,
  notifier,
});

/** Records a manual close of `position` today at `exitDebit` (USD per share), with `fees` (default none). */
const closeAt = (position: PositionRecord, exitDebit: number, fees: OrderFees = NO_FEES) =>
  recordClose({ orders, log: env.log }, position, {
    exitDebit,
    legs: [],
    time: env.clock.now(),
    underlyingPrice: env.sim.market.spot("SPX"),
    underlyingSource: "stream",
    reason: "manual",
    fees,
  });

describe("hard limits of live trading", () => {
  it("max contracts per order: refused before anything reaches the broker, logged and alerted once", async () => {
    const { records } = await spreadRecords(env, { quantity: 3 });
    const r = await enterLive(deps({ maxContractsPerOrder: 2 }), records, env.log);
    expect(r).toMatchObject({ status: "refused", reasons: [{ code: "live-max-contracts" }] });
    expect(env.broker.calls).toEqual([]);
    expect(env.log.events("live.limit.refused")).toHaveLength(1);
    expect(notifier.sent).toHaveLength(1);
    expect(notifier.sent[0]?.message).toMatch(/3 contracts .* cap of 2/);
    // The same refusal again the same day: logged again, alerted once.
    await enterLive(deps({ maxContractsPerOrder: 2 }), records, env.log);
    expect(env.log.events("live.limit.refused")).toHaveLength(2);
    expect(notifier.sent).toHaveLength(1);
  });

  it("max open live positions: the second entry is refused once the first is open", async () => {
    const first = await spreadRecords(env, { key: "a" });
    expect((await enterLive(deps({ maxOpenPositions: 1 }), first.records, env.log)).status).toBe("placed");
    const calls = env.broker.calls.length;
    const second = await spreadRecords(env, { key: "b" });
    const r = await enterLive(deps({ maxOpenPositions: 1 }), second.records, env.log);
    expect(r).toMatchObject({ status: "refused", reasons: [{ code: "live-max-positions" }] });
    expect(env.broker.calls).toHaveLength(calls);
    expect(notifier.sent.map((a) => a.subject)).toEqual(["StratDeck: live entry refused by a hard limit"]);
  });

  it("max open live positions: once the open one is closed, the next entry takes its place", async () => {
    const first = await spreadRecords(env, { key: "a" });
    expect((await enterLive(deps({ maxOpenPositions: 1 }), first.records, env.log)).status).toBe("placed");
    const [position] = await orders.listOpenPositions();
    await closeAt(position!, position!.entryCredit);
    const second = await spreadRecords(env, { key: "b" });
    expect((await enterLive(deps({ maxOpenPositions: 1 }), second.records, env.log)).status).toBe("placed");
    const third = await spreadRecords(env, { key: "c" });
    const r = await enterLive(deps({ maxOpenPositions: 1 }), third.records, env.log);
    expect(r).toMatchObject({ status: "refused", reasons: [{ code: "live-max-positions" }] });
  });

  it("a live-open claim held by an entry with no position refuses and names it until its lease ends, then is taken over", async () => {
    // What a run leaves when it stops between its claim and its pending order: the claim and its lease.
    const leaseUntil = env.clock.now() + ENTRY_LEASE_MS;
    expect(await orders.claims.claim("live-open#0", "pos_stopped_run", leaseUntil, true)).toBe(true);
    const { records } = await spreadRecords(env, { key: "after-crash" });
    const r = await enterLive(deps({ maxOpenPositions: 1 }), records, env.log);
    expect(r).toMatchObject({ status: "refused", reasons: [{ code: "live-max-positions" }] });
    expect(r.reasons[0]?.message).toContain("entry pos_stopped_run, no position in the order log");
    expect(r.reasons[0]?.message).toContain(
      `taken over when its lease ends at ${new Date(leaseUntil).toISOString()}`,
    );
    expect(env.broker.calls).toEqual([]);
    expect(notifier.sent).toHaveLength(1);
    // Its lease ends with nothing written (no position, no order, no pending order): taken over.
    env.clock.advance(ENTRY_LEASE_MS);
    expect((await enterLive(deps({ maxOpenPositions: 1 }), records, env.log)).status).toBe("placed");
  });

  it("a live-open claim from before leases whose entry wrote nothing is taken over at once", async () => {
    expect(await orders.claims.claim("live-open#0", "pos_old_run", null, true)).toBe(true);
    const { records } = await spreadRecords(env, { key: "after-upgrade" });
    expect((await enterLive(deps({ maxOpenPositions: 1 }), records, env.log)).status).toBe("placed");
  });

  it("daily realised-loss stop: after today's live losses reach the stop, no live entry is placed that day", async () => {
    const first = await spreadRecords(env, { key: "loser" });
    expect((await enterLive(deps(), first.records, env.log)).status).toBe("placed");
    const [position] = await orders.listOpenPositions();
    // Closed today for 3.00 more than it took in: 1 × 100 × 3.00 = $300 gross, plus the entry fees.
    await closeAt(position!, position!.entryCredit + 3);
    const net = -((await orders.getPosition(position!.positionId))?.netPnlCents ?? 0);
    expect(net).toBeGreaterThan(30_000);
    const next = await spreadRecords(env, { key: "next" });
    const calls = env.broker.calls.length;
    // The stop counts net P&L: a stop at the gross loss alone ($300) is reached too.
    const blocked = await enterLive(deps({ dailyLossStopCents: 30_000 }), next.records, env.log);
    expect(blocked).toMatchObject({ status: "refused", reasons: [{ code: "live-daily-loss-stop" }] });
    expect(blocked.reasons[0]?.message).toContain(`$${(net / 100).toFixed(2)}`);
    expect(env.broker.calls).toHaveLength(calls);
    // A stop above today's net loss lets the entry through.
    expect((await enterLive(deps({ dailyLossStopCents: net + 1 }), next.records, env.log)).status).toBe(
      "placed",
    );
  });

  it("the daily loss stop sums net P&L (fees included), as the trader sees it", async () => {
    const first = await spreadRecords(env, { key: "net-loser" });
    expect((await enterLive(deps(), first.records, env.log)).status).toBe("placed");
    const [position] = await orders.listOpenPositions();
    const exitFees = {
      commissionCents: 0,
      clearingCents: 20,
      regulatoryCents: 8,
      proprietaryCents: 130,
      totalCents: 158,
    };
    // Gross −$299.00 (under the $300 stop); the entry's and the exit's fees take the net past it.
    await closeAt(position!, position!.entryCredit + 2.99, exitFees);
    const closed = await orders.getPosition(position!.positionId);
    expect(closed?.realizedPnlCents).toBe(-29_900);
    expect(closed?.netPnlCents).toBeLessThanOrEqual(-30_000);
    const next = await spreadRecords(env, { key: "after-net-loss" });
    const blocked = await enterLive(deps({ dailyLossStopCents: 30_000 }), next.records, env.log);
    expect(blocked).toMatchObject({ status: "refused", reasons: [{ code: "live-daily-loss-stop" }] });
    expect(blocked.reasons[0]?.message).toContain(`$${(-(closed?.netPnlCents ?? 0) / 100).toFixed(2)}`);
  });
});
