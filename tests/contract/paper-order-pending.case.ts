import { expect, it } from "vitest";
import type { PaperOrderStore, PendingOrder } from "@stratdeck/core/ledger";
import { entryFixture } from "./paper-order-store.case";

/** A pending open order placed at the broker (id 1001), created at `createdAt`. */
function pending(positionId: string, createdAt: number): PendingOrder {
  return {
    id: `open|${positionId}`,
    purpose: "open",
    positionId,
    createdAt,
    request: {
      underlying: "SPX",
      price: 1.45,
      priceEffect: "Credit",
      timeInForce: "Day",
      orderType: "Limit",
      legs: [
        { occSymbol: "SPXW  270109P05700000", action: "STO", quantity: 1 },
        { occSymbol: "SPXW  270109P05650000", action: "BTO", quantity: 1 },
      ],
    },
    brokerOrderId: "1001",
    earlierOrderIds: [],
    entry: entryFixture("2026-11-25T10:00"),
    releaseIfUnfilled: ["live-open#0"],
  };
}

/** Pending broker orders: saved, overwritten, listed oldest first with every field, deleted. */
export function pendingOrdersCase(make: () => Promise<PaperOrderStore>): void {
  it("keeps pending broker orders until they are deleted, oldest first, every field intact", async () => {
    const store = await make();
    expect(await store.listPendingOrders()).toEqual([]);
    const a = pending("pos_a", 2_000);
    const b = pending("pos_b", 1_000);
    const { brokerOrderId: _placed, ...unplaced } = a;
    await store.savePendingOrder(unplaced);
    await store.savePendingOrder(b);
    await store.savePendingOrder(a);
    expect(await store.listPendingOrders()).toEqual([b, a]);
    await store.deletePendingOrder(b.id);
    await store.deletePendingOrder("open|unknown");
    expect(await store.listPendingOrders()).toEqual([a]);
    // Not positions: the open index and the order stream do not see them.
    expect(await store.listOpenPositions()).toEqual([]);
    expect(await store.listRecentOrders(10)).toEqual([]);
  });
}
