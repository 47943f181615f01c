import { describe, expect, it } from "vitest";
import { enterLive, liveCloseKey, liveRealizedToday } from "@stratdeck/core/venues/tastytrade";
import { closePosition, MemoryPaperOrderStore, tradeHistory, type OrderRecord } from "@stratdeck/core/ledger";
import { entryDeps, liveSettings, spreadRecords, liveCloseDeps, useLiveSim, type LiveEnv } from "./live-sim";
import { testSettings } from "../../support/paper-settings";

let env: LiveEnv;
let orders: MemoryPaperOrderStore;

useLiveSim((e) => {
  env = e;
  orders = new MemoryPaperOrderStore();
});

/** Armed and confirmed close deps over the simulator (cancel after 2 s, walk 3 steps). */
const closeDeps = () =>
  liveCloseDeps(env, orders, { settings: liveSettings({ walkSteps: 3, cancelAfterMs: 2_000 }) });

const close = (id: string) =>
  closePosition(closeDeps(), id, { confirm: true, settings: testSettings({ fill: { model: "mid" } }) });

/** Cash of an order record, cents: + credit received, − debit paid. */
const cashOf = (o: OrderRecord): number =>
  (o.side === "credit" ? 1 : -1) * Math.round(o.price * 100 * 100) * o.quantity;

describe("a partial live close, then a full close", () => {
  it("records the filled part with its own fees, leaves the rest open and closeable, and nets every fill minus every fee", async () => {
    const { records } = await spreadRecords(env, { quantity: 3 });
    const id = (await enterLive(entryDeps(env, orders), records, env.log)).positionId!;
    const entered = (await orders.getPosition(id))!;
    expect(entered.quantity).toBe(3);

    // The broker fills 1 of the 3 spreads of the closing order, then no more: the rest is cancelled.
    env.sim.broker.controls.maxFillPerOrder = 1;
    const first = await close(id);
    expect(first.status).toBe("closed");
    const open = await orders.getPosition(id);
    expect(open).toMatchObject({ status: "open", quantity: 2 });
    // Max profit and loss follow the open quantity (exit rules compare the rest's P&L with them).
    expect(open!.maxLossCents).toBe((entered.maxLossCents / 3) * 2);
    expect(open!.maxProfitCents).toBe((entered.maxProfitCents / 3) * 2);
    expect(await orders.keyHolder(liveCloseKey(id))).toBeNull();
    expect(await orders.listPendingOrders()).toEqual([]);
    const [, partial] = await orders.ordersOf(id);
    expect(partial).toMatchObject({ kind: "close", quantity: 1, cancelledRest: { orderQuantity: 3 } });
    const state = await orders.stateOf(id);
    expect(state?.orders.find((o) => o.effect === "close")).toMatchObject({
      orderQuantity: 3,
      filled: 1,
      cancelled: true,
    });
    expect(state?.closeFeesCents).toBe(partial!.fees!.totalCents);
    expect(env.log.events("live.close.partial")).toHaveLength(1);

    // The next close takes the rest.
    env.sim.broker.controls.maxFillPerOrder = undefined;
    const second = await close(id);
    expect(second.status).toBe("closed");
    const closed = await orders.getPosition(id);
    expect(closed).toMatchObject({ status: "closed", quantity: 3 });
    expect(await env.broker.positions()).toEqual([]);

    const all = await orders.ordersOf(id);
    expect(all.map((o) => [o.kind, o.quantity])).toEqual([
      ["open", 3],
      ["close", 1],
      ["close", 2],
    ]);
    const gross = all.reduce((n, o) => n + cashOf(o), 0);
    const fees = all.reduce((n, o) => n + o.fees!.totalCents, 0);
    expect(all.every((o) => o.fees!.totalCents > 0)).toBe(true);
    expect(closed).toMatchObject({ realizedPnlCents: gross, feesCents: fees, netPnlCents: gross - fees });
    // History and the daily loss stop read the same figures.
    const history = await tradeHistory(orders);
    expect(history.trades).toHaveLength(1);
    expect(history.totals.netCents).toBe(gross - fees);
    expect(await liveRealizedToday(orders, env.clock.now())).toBe(gross - fees);
    // Its live-open claim went with the position.
    expect(await orders.keyHolder("live-open#0")).toBeNull();
  });
});
