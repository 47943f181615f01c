import { describe, expect, it } from "vitest";
import { MemoryPaperOrderStore } from "@stratdeck/core/ledger";
import { entryFixture } from "../../contract/paper-order-store.case";

// The memory order log shares one frozen partition per position between reads (and the store its
// derivation): every read must still hand out its own copy, and a write must show in the next read.
describe("MemoryPaperOrderStore shared reads", () => {
  it("hands out copies: changing what one read returned changes no later read", async () => {
    const store = new MemoryPaperOrderStore();
    const { order, position } = entryFixture("2026-11-25T10:00");
    const id = (await store.open(order, position)).position!.positionId;
    const before = await store.getPosition(id);

    const p = (await store.getPosition(id))!;
    p.status = "closed";
    p.legs[0]!.strike = 1;
    const listed = (await store.listOpenPositions())[0]!;
    listed.legs.pop();
    const events = await store.eventsOf(id);
    events.pop();
    const state = (await store.stateOf(id))!;
    state.claimsHeld.push("changed");
    state.netCents = -1;
    const orders = await store.ordersOf(id);
    orders[0]!.legs[0]!.fillPrice = 99;

    expect(await store.getPosition(id)).toEqual(before);
    expect(await store.listOpenPositions()).toEqual([before]);
    expect(await store.eventsOf(id)).toHaveLength(1);
    expect((await store.stateOf(id))!.claimsHeld).not.toContain("changed");
    expect((await store.ordersOf(id))[0]!.legs[0]!.fillPrice).toBe(8.25);
  });

  it("shows a write in the next read of the same position", async () => {
    const store = new MemoryPaperOrderStore();
    const { order, position } = entryFixture("2026-11-25T10:00");
    const id = (await store.open(order, position)).position!.positionId;
    expect((await store.getPosition(id))!.status).toBe("open");
    await store.close({
      positionId: id,
      order: {
        ...order,
        time: order.time + 60_000,
        side: "debit",
        price: 0.7,
        idempotencyKey: `${id}|close`,
      },
      exitFeesCents: 95,
      closeReason: "profit-target",
    });
    expect(await store.getPosition(id)).toMatchObject({ status: "closed", netPnlCents: 7_500 - 392 - 95 });
    expect(await store.eventsOf(id)).toHaveLength(2);
    expect(await store.listOpenPositions()).toEqual([]);
    expect((await store.listClosedPositions()).map((c) => c.positionId)).toEqual([id]);
  });
});
