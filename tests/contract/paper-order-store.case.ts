import { expect, it } from "vitest";
import type { OrderRecord, PaperOrderStore, PositionRecord } from "@stratdeck/core/ledger";

const T0 = Date.parse("2026-11-25T15:00:00Z");

/** A put-spread entry order and its position, keyed by a scheduled slot. */
export function entryFixture(slot: string, time = T0) {
  const order: Omit<OrderRecord, "orderId" | "positionId" | "kind"> = {
    time,
    underlying: "SPX",
    strategy: "short_put_spread_index_45d",
    side: "credit",
    quantity: 1,
    price: 1.45,
    underlyingPrice: 6010.25,
    underlyingSource: "stream",
    mode: "paper",
    idempotencyKey: `short_put_spread_index_45d|SPX|${slot}`,
    reason: "entry",
    legs: [
      {
        occSymbol: "SPXW  270109P05700000",
        streamerSymbol: ".SPXW270109P5700",
        optionType: "P",
        strike: 5700,
        expiration: "2027-01-09",
        action: "STO",
        ratio: 1,
        bid: 8.1,
        ask: 8.4,
        fillPrice: 8.25,
        quoteTime: time - 300,
      },
      {
        occSymbol: "SPXW  270109P05650000",
        streamerSymbol: ".SPXW270109P5650",
        optionType: "P",
        strike: 5650,
        expiration: "2027-01-09",
        action: "BTO",
        ratio: 1,
        bid: 6.7,
        ask: 6.9,
        fillPrice: 6.8,
        quoteTime: time - 250,
      },
    ],
  };
  const position: Omit<PositionRecord, "positionId" | "status" | "idempotencyKey"> = {
    strategy: order.strategy,
    underlying: "SPX",
    root: "SPXW",
    settlement: "PM",
    expiration: "2027-01-09",
    quantity: 1,
    multiplier: 100,
    mode: "paper",
    openedAt: time,
    entryCredit: 1.45,
    entryFeesCents: 392,
    width: 50,
    maxProfitCents: 14_500,
    maxLossCents: 485_500,
    breakevens: [5698.55],
    underlyingAtEntry: 6010.25,
    legs: [
      {
        occSymbol: "SPXW  270109P05700000",
        streamerSymbol: ".SPXW270109P5700",
        optionType: "P",
        strike: 5700,
        expiration: "2027-01-09",
        side: "short",
        ratio: 1,
        entryPrice: 8.25,
      },
      {
        occSymbol: "SPXW  270109P05650000",
        streamerSymbol: ".SPXW270109P5650",
        optionType: "P",
        strike: 5650,
        expiration: "2027-01-09",
        side: "long",
        ratio: 1,
        entryPrice: 6.8,
      },
    ],
  };
  return { order, position };
}

/** Shared behaviour every PaperOrderStore adapter must show. */
export function paperOrderStoreCase(make: () => Promise<PaperOrderStore>): void {
  it("appends an entry and lists it as an open position with every field", async () => {
    const store = await make();
    const { order, position } = entryFixture("2026-11-25T10:00");
    const res = await store.open(order, position);
    expect(res.status).toBe("written");
    const open = await store.listOpenPositions();
    expect(open).toHaveLength(1);
    expect(open[0]).toEqual({
      ...position,
      positionId: res.position?.positionId,
      status: "open",
      idempotencyKey: order.idempotencyKey,
    });
    const orders = await store.ordersOf(res.position!.positionId);
    expect(orders).toEqual([res.order]);
    expect(orders[0]?.legs[0]?.quoteTime).toBe(T0 - 300);
  });

  it("writes nothing new for a duplicate of the same slot", async () => {
    const store = await make();
    const { order, position } = entryFixture("2026-11-25T10:00");
    const first = await store.open(order, position);
    const again = await store.open({ ...order, price: 9.99, time: T0 + 1 }, position);
    expect(again.status).toBe("duplicate");
    expect(again.order.price).toBe(1.45);
    expect(again.order.orderId).toBe(first.order.orderId);
    expect(await store.listRecentOrders(10)).toHaveLength(1);
  });

  it("appends on repeated runs for different slots, newest order first", async () => {
    const store = await make();
    for (let i = 0; i < 3; i++) {
      const { order, position } = entryFixture(`2026-11-25T1${i}:00`, T0 + i * 1000);
      expect((await store.open(order, position)).status).toBe("written");
    }
    const recent = await store.listRecentOrders(10);
    expect(recent.map((o) => o.time)).toEqual([T0 + 2000, T0 + 1000, T0]);
    expect(await store.listOpenPositions()).toHaveLength(3);
  });

  it("writes exactly once under 10 concurrent duplicate entries", async () => {
    const store = await make();
    const { order, position } = entryFixture("2026-11-25T10:30");
    const results = await Promise.all(Array.from({ length: 10 }, () => store.open(order, position)));
    expect(results.filter((r) => r.status === "written")).toHaveLength(1);
    expect(results.filter((r) => r.status === "duplicate")).toHaveLength(9);
    expect(await store.listRecentOrders(50)).toHaveLength(1);
    expect(await store.listOpenPositions()).toHaveLength(1);
  });

  it("closes a position once: the close order is appended and it leaves the open index", async () => {
    const store = await make();
    const { order, position } = entryFixture("2026-11-25T11:00");
    const opened = await store.open(order, position);
    const positionId = opened.position!.positionId;
    const closeOrder = {
      ...order,
      time: T0 + 60_000,
      side: "debit" as const,
      price: 0.7,
      reason: "profit-target",
      idempotencyKey: `${positionId}|close`,
    };
    const closed = await store.close({
      positionId,
      order: closeOrder,
      exitFeesCents: 95,
      closeReason: "profit-target",
    });
    expect(closed.status).toBe("written");
    expect(await store.listOpenPositions()).toEqual([]);
    const pos = await store.getPosition(positionId);
    expect(pos).toMatchObject({
      status: "closed",
      closedAt: T0 + 60_000,
      exitFeesCents: 95,
      feesCents: 392 + 95,
      netPnlCents: 7_500 - 392 - 95,
      closeReason: "profit-target",
    });
    const again = await store.close({
      positionId,
      order: { ...closeOrder, price: 0.1 },
      exitFeesCents: 0,
      closeReason: "manual",
    });
    expect(again.status).toBe("duplicate");
    expect((await store.getPosition(positionId))?.realizedPnlCents).toBe(7_500);
    expect((await store.ordersOf(positionId)).map((o) => o.kind)).toEqual(["open", "close"]);
  });

  it("rejects closing an unknown position", async () => {
    const store = await make();
    const { order } = entryFixture("x");
    await expect(
      store.close({
        positionId: "pos_missing",
        order,
        exitFeesCents: 0,
        closeReason: "manual",
      }),
    ).rejects.toThrow(/unknown position pos_missing/);
  });
}
