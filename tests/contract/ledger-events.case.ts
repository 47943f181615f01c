import { expect, it } from "vitest";
import {
  LedgerError,
  tradeHistory,
  type FillEvent,
  type PaperOrderStore,
  type SettlementEvent,
} from "@stratdeck/core/ledger";
import { entryFixture } from "./paper-order-store.case";

const T0 = Date.parse("2026-11-25T15:00:00Z");

/** A fill of `quantity` spreads of order `orderId` (of `orderQuantity`) at `netPrice` (+ credit). */
function fill(
  positionId: string,
  eventId: string,
  effect: "open" | "close",
  orderId: string,
  orderQuantity: number,
  quantity: number,
  netPrice: number,
  at: number,
): FillEvent {
  return {
    eventId,
    positionId,
    at,
    type: "fill",
    effect,
    orderId,
    orderQuantity,
    quantity,
    netPrice,
    feesCents: 179 * quantity,
    reason: effect === "close" ? "manual" : "entry",
  };
}

/** The LedgerError a promise rejects with. */
async function refusal(p: Promise<unknown>): Promise<LedgerError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(LedgerError);
  return err as LedgerError;
}

/** Opens the fixture position (1 spread at 1.45, 392 cents of fees), with its claims. */
async function opened(store: PaperOrderStore, slot = "2026-11-25T10:00"): Promise<string> {
  const { order, position } = entryFixture(slot);
  const r = await store.open(order, { ...position, reservations: [`open#${slot}`] });
  await store.claimKey(`open#${slot}`, r.position!.positionId);
  return r.position!.positionId;
}

/** The ledger of events every PaperOrderStore adapter must keep. */
export function ledgerEventsCase(make: () => Promise<PaperOrderStore>): void {
  it("an entry is one fill event; the position is what its events say", async () => {
    const store = await make();
    const id = await opened(store);
    expect(await store.eventsOf(id)).toMatchObject([
      { type: "fill", effect: "open", quantity: 1, netPrice: 1.45, feesCents: 392, orderId: `${id}:open` },
    ]);
    expect(await store.stateOf(id)).toMatchObject({ status: "open", openQuantity: 1, feesCents: 392 });
    expect(await store.stateOf("pos_missing")).toBeNull();
  });

  it("partial opens and partial closes are ordinary; the last close ends the position", async () => {
    const store = await make();
    const id = await opened(store);
    await store.appendEvent(fill(id, "B-1", "open", "B", 3, 1, 1.5, T0 + 1000));
    await store.appendEvent(fill(id, "B-2", "open", "B", 3, 2, 1.4, T0 + 2000));
    expect(await store.getPosition(id)).toMatchObject({ status: "open", quantity: 4 });
    const partial = await store.appendEvent(fill(id, "C-1", "close", "C", 4, 3, -0.5, T0 + 3000));
    expect(partial.state).toMatchObject({ status: "open", openQuantity: 1, closedQuantity: 3 });
    expect((await store.listOpenPositions()).map((p) => p.quantity)).toEqual([1]);
    const last = await store.appendEvent(fill(id, "C-2", "close", "C", 4, 1, -0.5, T0 + 4000));
    // Credit in: 145 + 150 + 2 × 140 = 575 per share-lot; debit out 4 × 50 = 200: gross 37,500 cents.
    expect(last.state).toMatchObject({ status: "closed", grossCents: 37_500, feesCents: 392 + 7 * 179 });
    expect(last.state.netCents).toBe(37_500 - 392 - 7 * 179);
    expect(await store.listOpenPositions()).toEqual([]);
    expect((await store.listClosedPositions()).map((p) => [p.positionId, p.netPnlCents])).toEqual([
      [id, last.state.netCents],
    ]);
    expect((await tradeHistory(store)).totals).toMatchObject({ trades: 1, netCents: last.state.netCents });
    // Its claims are given back once it closed, each recorded as an event.
    expect(await store.keyHolder("open#2026-11-25T10:00")).toBeNull();
    expect((await store.eventsOf(id)).filter((e) => e.type === "claim")).toMatchObject([
      { key: "open#2026-11-25T10:00", change: "released" },
    ]);
  });

  it("a duplicate delivery is a no-op, also when 10 arrive at once", async () => {
    const store = await make();
    const id = await opened(store);
    const e = fill(id, "B-1", "open", "B", 2, 1, 1.5, T0 + 1000);
    const results = await Promise.all(Array.from({ length: 10 }, () => store.appendEvent(e)));
    expect(results.filter((r) => r.status === "written")).toHaveLength(1);
    expect(results.filter((r) => r.status === "duplicate")).toHaveLength(9);
    expect(await store.eventsOf(id)).toHaveLength(2);
    expect((await store.stateOf(id))?.openQuantity).toBe(2);
  });

  it("refuses a conflicting duplicate, an unknown position, an overfill and a bad quantity; nothing written", async () => {
    const store = await make();
    const id = await opened(store);
    const e = fill(id, "B-1", "open", "B", 2, 1, 1.5, T0 + 1000);
    await store.appendEvent(e);
    const before = await store.eventsOf(id);
    const conflict = await refusal(store.appendEvent({ ...e, netPrice: 1.6 }));
    expect(conflict.code).toBe("ledger-event-conflict");
    const unknown = await refusal(store.appendEvent({ ...e, positionId: "pos_nope" }));
    expect(unknown).toMatchObject({
      code: "ledger-unknown-position",
      positionId: "pos_nope",
      eventId: "B-1",
    });
    expect(unknown.message).toMatch(/unknown position pos_nope/);
    const over = await refusal(store.appendEvent(fill(id, "B-2", "open", "B", 2, 2, 1.5, T0 + 2000)));
    expect(over.code).toBe("ledger-overfill");
    const close = await refusal(store.appendEvent(fill(id, "C-1", "close", "C", 3, 3, -0.5, T0 + 3000)));
    expect(close.message).toMatch(/closes 3 spreads, 2 open/);
    const negative = await refusal(
      store.appendEvent({ ...fill(id, "B-3", "open", "B", 2, 1, 1.5, T0), quantity: -1 }),
    );
    expect(negative.code).toBe("ledger-event-invalid");
    expect(negative.message).toMatch(/quantity/);
    expect(await store.eventsOf(id)).toEqual(before);
  });

  it("an approximate AM settlement is replaced by the official value", async () => {
    const store = await make();
    const id = await opened(store);
    const settle = (eventId: string, debit: number, approximate: boolean, at: number): SettlementEvent => ({
      eventId,
      positionId: id,
      at,
      type: "settlement",
      quantity: 1,
      debit,
      price: 5680,
      settlementAt: at - 60_000,
      source: approximate ? "rest:open" : "soq",
      approximate,
    });
    const first = await store.appendEvent(settle("settle|open", 20, true, T0 + 86_400_000));
    expect(first.state).toMatchObject({ status: "closed", grossCents: 14_500 - 200_000 });
    expect(await store.getPosition(id)).toMatchObject({ settlementApproximate: true, closeReason: "expiry" });
    const official = await store.appendEvent(settle("settle|soq", 19.5, false, T0 + 86_400_000 + 3_600_000));
    expect(official.state.grossCents).toBe(14_500 - 195_000);
    expect(await store.getPosition(id)).toMatchObject({
      settlementApproximate: false,
      settlementSource: "soq",
      realizedPnlCents: 14_500 - 195_000,
      closedAt: T0 + 86_400_000,
    });
    expect((await store.listClosedPositions({ since: T0 + 86_400_000 })).map((p) => p.positionId)).toEqual([
      id,
    ]);
    expect(await store.listClosedPositions({ since: T0 + 2 * 86_400_000 })).toEqual([]);
  });

  it("an order filled in part states its cancel; a position closes in several orders, each recorded once by its ref", async () => {
    const store = await make();
    const { order, position } = entryFixture("2026-11-25T11:00");
    const opened3 = await store.open(
      { ...order, quantity: 3, cancelledRest: { orderQuantity: 5, reason: "timeout" } },
      { ...position, quantity: 3 },
    );
    const id = opened3.position!.positionId;
    expect((await store.stateOf(id))?.orders).toEqual([
      { orderId: `${id}:open`, effect: "open", orderQuantity: 5, filled: 3, cancelled: true },
    ]);
    const closing = (quantity: number, ref: string, rest?: { orderQuantity: number; reason: string }) =>
      store.close({
        positionId: id,
        order: {
          ...order,
          time: T0 + 60_000 * quantity,
          side: "debit",
          quantity,
          price: 0.5,
          reason: "manual",
          idempotencyKey: `${id}|close|${ref}`,
          ...(rest ? { cancelledRest: rest } : {}),
        },
        exitFeesCents: 100 * quantity,
        closeReason: "manual",
        orderRef: ref,
      });
    expect((await closing(1, "1005", { orderQuantity: 3, reason: "timeout" })).status).toBe("written");
    expect((await closing(1, "1005", { orderQuantity: 3, reason: "timeout" })).status).toBe("duplicate");
    expect(await store.getPosition(id)).toMatchObject({ status: "open", quantity: 2 });
    expect(await store.getOrder(`${id}:close|1005`)).toMatchObject({ quantity: 1 });
    expect((await closing(2, "1006")).status).toBe("written");
    const state = await store.stateOf(id);
    // 3 × 145 in, 3 × 50 out: gross 28,500 cents; fees 392 to open, 100 + 200 to close.
    expect(state).toMatchObject({ status: "closed", grossCents: 28_500, feesCents: 692, netCents: 27_808 });
    expect(state?.orders.filter((o) => o.effect === "close")).toEqual([
      { orderId: `${id}:close|1005`, effect: "close", orderQuantity: 3, filled: 1, cancelled: true },
      { orderId: `${id}:close|1006`, effect: "close", orderQuantity: 2, filled: 2, cancelled: false },
    ]);
    expect((await store.ordersOf(id)).map((o) => [o.kind, o.quantity])).toEqual([
      ["open", 3],
      ["close", 1],
      ["close", 2],
    ]);
    expect((await store.listClosedPositions()).map((p) => p.netPnlCents)).toEqual([27_808]);
  });
}
