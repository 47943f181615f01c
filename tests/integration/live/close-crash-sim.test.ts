import { describe, expect, it } from "vitest";
import { enterLive, leaseMs, liveCloseKey } from "@stratdeck/core/venues/tastytrade";
import { runReconcileJob } from "@stratdeck/core/orchestrator";
import {
  closePosition,
  DEFAULT_FEE_SCHEDULE,
  ENTRY_LEASE_MS,
  finishPending,
  MemoryPaperOrderStore,
} from "@stratdeck/core/ledger";
import { entryDeps, liveSettings, spreadRecords, liveCloseDeps, useLiveSim, type LiveEnv } from "./live-sim";
import { testSettings } from "../../support/paper-settings";

let env: LiveEnv;
let orders: MemoryPaperOrderStore;

useLiveSim((e) => {
  env = e;
  orders = new MemoryPaperOrderStore();
});

const settings = liveSettings({ walkSteps: 3, cancelAfterMs: 10_000 });

/** Close deps whose venue waits with `sleep` (a rejecting one stands for a process killed there). */
const closeDeps = (sleep: (ms: number) => Promise<void>) => ({
  ...liveCloseDeps(env, orders, { settings, sleep }),
  feeSchedule: DEFAULT_FEE_SCHEDULE,
});

/** A confirmed close at the mid (below the natural debit: it works at the broker, unfilled). */
const close = (id: string, sleep = env.sleep) =>
  closePosition(closeDeps(sleep), id, {
    confirm: true,
    settings: testSettings({ fill: { model: "mid" } }),
  });

async function openLive(quantity: number): Promise<string> {
  const { records } = await spreadRecords(env, { quantity });
  return (await enterLive(entryDeps(env, orders), records, env.log)).positionId!;
}

/** Closes `id` in a run killed at its first wait after the placement; the pending close it left. */
async function killedClose(id: string) {
  await expect(close(id, () => Promise.reject(new Error("killed")))).rejects.toThrow("killed");
  const [pending] = await orders.listPendingOrders();
  expect(pending).toMatchObject({ purpose: "close", positionId: id, close: { reason: "manual" } });
  expect(pending!.brokerOrderId).toBeDefined();
  expect((await env.broker.getOrder(pending!.brokerOrderId!)).status).toBe("Live");
  return pending!;
}

describe("a process killed mid-close", () => {
  it("leaves a pending close; the next run cancels the working order, releases the claim, and the position closes later", async () => {
    const id = await openLive(1);
    const pending = await killedClose(id);
    // The claim is held while the order may be working: a second close is refused, nothing is sent.
    const placed = env.broker.calls.filter((c) => c.call === "submit").length;
    expect(await close(id)).toMatchObject({
      status: "refused",
      reasons: [{ code: "live-close-in-progress" }],
    });
    expect(env.broker.calls.filter((c) => c.call === "submit")).toHaveLength(placed);

    const finish = () => finishPending(closeDeps(env.sleep));
    expect((await finish()).active).toEqual([pending.id]);
    env.clock.advance(leaseMs(settings) + 1);
    expect((await finish()).finished).toEqual([pending.id]);
    expect((await env.broker.getOrder(pending.brokerOrderId!)).status).toBe("Cancelled");
    expect(await orders.listPendingOrders()).toEqual([]);
    expect(await orders.keyHolder(liveCloseKey(id))).toBeNull();
    expect(await orders.getPosition(id)).toMatchObject({ status: "open", quantity: 1 });

    expect((await close(id)).status).toBe("closed");
    expect(await env.broker.positions()).toEqual([]);
  });

  it("a close that partly filled while nobody watched is recorded by the reconcile job: 1 of 3 closed, the rest open", async () => {
    const id = await openLive(3);
    const pending = await killedClose(id);
    // At the cancel the broker fills 1 spread first, then no more.
    env.sim.broker.controls.maxFillPerOrder = 1;
    env.sim.broker.faults.fillBeforeCancel = 1;
    env.clock.advance(leaseMs(settings) + 1);
    const report = await runReconcileJob({
      ...closeDeps(env.sleep),
      strategies: { fees: DEFAULT_FEE_SCHEDULE },
    });
    expect(report).toMatchObject({ pending: { finished: [pending.id] } });
    expect((await env.broker.getOrder(pending.brokerOrderId!)).status).toBe("Cancelled");
    expect(await orders.listPendingOrders()).toEqual([]);
    expect(await orders.keyHolder(liveCloseKey(id))).toBeNull();
    expect(await orders.getPosition(id)).toMatchObject({ status: "open", quantity: 2 });
    const closing = (await orders.stateOf(id))?.orders.find((o) => o.effect === "close");
    expect(closing).toMatchObject({ orderQuantity: 3, filled: 1, cancelled: true });
    const cancel = (await orders.eventsOf(id)).find((e) => e.type === "cancel");
    expect(cancel).toMatchObject({ reason: "cancelled-by-next-run" });
    expect((await env.broker.positions()).map((p) => Math.abs(p.quantity))).toEqual([2, 2]);
    expect(env.log.events("live.order.resumed")).toHaveLength(1);
  });
  it("a close claim left with no pending order (a run that died before placing) is taken over once its lease ended", async () => {
    const id = await openLive(1);
    await orders.claims.claim(liveCloseKey(id), id, env.clock.now() + ENTRY_LEASE_MS, true);
    expect(await close(id)).toMatchObject({
      status: "refused",
      reasons: [{ code: "live-close-in-progress" }],
    });
    env.clock.advance(ENTRY_LEASE_MS + 1);
    expect((await close(id)).status).toBe("closed");
    expect(await orders.keyHolder(liveCloseKey(id))).toBeNull();
  });

  it("a close claim from before leases (kept after a partial fill) no longer jams the position", async () => {
    const id = await openLive(1);
    await orders.claimKey(liveCloseKey(id), id, true);
    expect((await close(id)).status).toBe("closed");
    expect(await env.broker.positions()).toEqual([]);
  });
});
