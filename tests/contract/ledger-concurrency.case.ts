import { expect, it } from "vitest";
import { LedgerError, type FillEvent, type PaperOrderStore } from "@stratdeck/core/ledger";
import { entryFixture } from "./paper-order-store.case";

const T0 = Date.parse("2026-11-25T15:00:00Z");

/** A close fill of 1 spread (its own order of 1) buying the spread back at 0.50. */
function closeFill(positionId: string, orderId: string, at: number): FillEvent {
  return {
    eventId: `fill|${orderId}|1`,
    positionId,
    at,
    type: "fill",
    effect: "close",
    orderId,
    orderQuantity: 1,
    quantity: 1,
    netPrice: -0.5,
    feesCents: 179,
    reason: "manual",
  };
}

/** What each racer did: written, duplicate, or the LedgerError code it was refused with. */
async function outcomes(racers: Promise<{ status: string }>[]): Promise<string[]> {
  const settled = await Promise.allSettled(racers);
  return settled.map((r) => {
    if (r.status === "fulfilled") return r.value.status;
    expect(r.reason).toBeInstanceOf(LedgerError);
    return (r.reason as LedgerError).code;
  });
}

/**
 * Appends racing from several processes (store instances on one table; for the in-memory adapter
 * one instance, as it is one process): the check against a position's events holds across them.
 * `peers(n)` gives n stores over the same data.
 */
export function ledgerConcurrencyCase(peers: (n: number) => Promise<PaperOrderStore[]>): void {
  it("different close fills racing from 4 processes on a 1-spread position: one closes it, 3 are overfills", async () => {
    const stores = await peers(4);
    const { order, position } = entryFixture("2026-11-25T10:00");
    const id = (await stores[0]!.open(order, position)).position!.positionId;
    const results = await outcomes(
      stores.map((s, i) => s.appendEvent(closeFill(id, `C${i}`, T0 + 1000 + i))),
    );
    expect(results.sort()).toEqual(["ledger-overfill", "ledger-overfill", "ledger-overfill", "written"]);
    const closes = (await stores[1]!.eventsOf(id)).filter((e) => e.type === "fill" && e.effect === "close");
    expect(closes).toHaveLength(1);
    expect(await stores[2]!.stateOf(id)).toMatchObject({
      status: "closed",
      openedQuantity: 1,
      closedQuantity: 1,
      openQuantity: 0,
      grossCents: 14_500 - 5_000,
    });
  });

  it("a close fill racing a settlement from another process: exactly one of them closes the position", async () => {
    const [a, b] = (await peers(2)) as [PaperOrderStore, PaperOrderStore];
    const { order, position } = entryFixture("2026-11-25T10:00");
    const opened = (await a.open(order, position)).position!;
    const expiry = T0 + 86_400_000;
    const settle = a.close({
      positionId: opened.positionId,
      order: { ...order, time: expiry, side: "debit", price: 0, reason: "expiry" },
      exitFeesCents: 0,
      closeReason: "expiry",
      settlement: { price: 5800, at: expiry, source: "rest:close" },
    });
    const fill = b.appendEvent(closeFill(opened.positionId, "C1", expiry - 60_000));
    const [settled, filled] = await outcomes([settle, fill]);
    // Either the settlement won (the fill is an overfill) or the fill did (the close is a duplicate).
    expect([
      ["written", "ledger-overfill"],
      ["duplicate", "written"],
    ]).toContainEqual([settled, filled]);
    const events = await b.eventsOf(opened.positionId);
    const closing = events.filter(
      (e) => e.type === "settlement" || (e.type === "fill" && e.effect === "close"),
    );
    expect(closing).toHaveLength(1);
    expect(await a.stateOf(opened.positionId)).toMatchObject({ status: "closed", closedQuantity: 1 });
  });

  it("partial closes racing on 3 spreads from 5 processes never close more than was opened", async () => {
    const stores = await peers(5);
    const { order, position } = entryFixture("2026-11-25T10:00");
    const id = (await stores[0]!.open({ ...order, quantity: 3 }, { ...position, quantity: 3 })).position!
      .positionId;
    const results = await outcomes(
      stores.map((s, i) => s.appendEvent(closeFill(id, `P${i}`, T0 + 1000 + i))),
    );
    expect(results.filter((r) => r === "written")).toHaveLength(3);
    expect(results.filter((r) => r === "ledger-overfill")).toHaveLength(2);
    expect(await stores[4]!.stateOf(id)).toMatchObject({
      status: "closed",
      closedQuantity: 3,
      openQuantity: 0,
    });
  });
}
