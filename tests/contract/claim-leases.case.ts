import { expect, it } from "vitest";
import {
  DEFAULT_PAPER_SETTINGS,
  positionIdFor,
  reclaimClaims,
  type PaperOrderStore,
  type PendingOrder,
  type ReservationRequest,
} from "@stratdeck/core/ledger";
import { entryFixture } from "./paper-order-store.case";

/** A store, and the fault switch of its adapter: the next write that adds to the total risk throws. */
export interface FaultyStore {
  store: PaperOrderStore;
  failNextRiskWrite: () => void;
}

const T = Date.parse("2026-11-25T15:00:00Z");
const MIN = 60_000;
const wide = {
  ...DEFAULT_PAPER_SETTINGS.risk,
  maxOpenPositions: 10,
  maxPerUnderlying: 10,
  maxPerStrategyUnderlying: 10,
  maxEntriesPerSlot: 10,
};

function request(positionId: string, over: Partial<ReservationRequest> = {}): ReservationRequest {
  return {
    positionId,
    strategy: "short_put_spread_index_45d",
    underlying: "SPX",
    expiration: `2027-01-${String(10 + Number(positionId.replace(/\D/g, "") || 0)).padStart(2, "0")}`,
    slot: "2026-11-25T10:00",
    riskCents: 300_000,
    limits: wide,
    now: T,
    ...over,
  };
}

/** Opens the fixture position of `slot` on `store` with the reservation's keys and risk. */
async function openWith(store: PaperOrderStore, slot: string, keys: string[], riskCents: number) {
  const { order, position } = entryFixture(slot);
  await store.open(order, { ...position, reservations: keys, reservedRiskCents: riskCents });
  return positionIdFor(order.idempotencyKey);
}

async function closeIt(store: PaperOrderStore, positionId: string, slot: string) {
  const { order } = entryFixture(slot);
  await store.close({
    positionId,
    order: { ...order, side: "debit", price: 0.5, reason: "manual", idempotencyKey: `${positionId}|close` },
    exitFeesCents: 0,
    closeReason: "manual",
  });
}

/** A pending broker order of `positionId` (its order is working at the broker). */
function pendingOf(positionId: string): PendingOrder {
  return {
    id: `open|${positionId}`,
    purpose: "open",
    positionId,
    createdAt: T,
    request: {
      underlying: "SPX",
      price: 1.45,
      priceEffect: "Credit",
      timeInForce: "Day",
      orderType: "Limit",
      legs: [{ occSymbol: "SPXW  270109P05700000", action: "STO", quantity: 1 }],
    },
    brokerOrderId: "1001",
    earlierOrderIds: [],
    releaseIfUnfilled: [],
  };
}

/** Claims with leases, the reservation book and the old state, on every PaperOrderStore adapter. */
export function claimLeasesCase(make: () => Promise<FaultyStore>): void {
  it("the risk write failing after the claims: the redelivery counts the risk, the cap holds, a close never drives it negative", async () => {
    const { store, failNextRiskWrite } = await make();
    const limits = { ...wide, maxTotalRiskCents: 500_000 };
    const slot = "2026-11-25T10:00";
    const { order } = entryFixture(slot);
    const a = positionIdFor(order.idempotencyKey);
    failNextRiskWrite();
    await expect(store.reserve(request(a, { limits, expiration: "2027-01-09" }))).rejects.toThrow();
    // The scheduler redelivers the slot: the same position reserves again and succeeds.
    const again = await store.reserve(request(a, { limits, expiration: "2027-01-09" }));
    expect(again.ok).toBe(true);
    if (!again.ok) return;
    expect((await store.claims.readBook())?.totalCents).toBe(300_000);
    const pid = await openWith(store, slot, again.keys, 300_000);
    // $3,000 open + $3,000 > $5,000: refused (the old counter read $0 here and let it through).
    expect(await store.reserve(request("pos_2", { limits }))).toMatchObject({
      ok: false,
      refusal: { code: "max-total-risk" },
    });
    await closeIt(store, pid, slot);
    await closeIt(store, pid, slot);
    expect((await store.claims.readBook())?.totalCents).toBe(0);
    // Exactly the cap fits again, one cent more does not (a negative total would let it through).
    expect((await store.reserve(request("pos_3", { limits, riskCents: 500_000 }))).ok).toBe(true);
    expect(await store.reserve(request("pos_4", { limits, riskCents: 1 }))).toMatchObject({
      ok: false,
      refusal: { code: "max-total-risk" },
    });
  });

  it("an expired claim whose holder never wrote its position is taken over; before its lease ends it is named", async () => {
    const { store } = await make();
    const limits = { ...wide, maxOpenPositions: 1, maxTotalRiskCents: 300_000 };
    const dead = await store.reserve(request("pos_1", { limits, expiration: "2027-01-15" }));
    expect(dead.ok).toBe(true);
    // The holder dies here. A minute later its claims are held, and the refusal says by whom, until when.
    const early = await store.reserve(request("pos_2", { limits, expiration: "2027-01-15", now: T + MIN }));
    expect(early).toMatchObject({
      ok: false,
      refusal: {
        code: "duplicate-exposure",
        message: expect.stringContaining(
          "entry pos_1 (no position written yet; its lease ends 2026-11-25T15:05:00.000Z",
        ),
      },
    });
    // After its lease: taken over (the duplicate, open-position and risk caps all free again).
    const later = await store.reserve(
      request("pos_2", { limits, expiration: "2027-01-15", now: T + 6 * MIN }),
    );
    expect(later).toMatchObject({ ok: true });
    const book = await store.claims.readBook();
    expect(Object.keys(book?.entries ?? {})).toEqual(["pos_2"]);
    expect(book?.totalCents).toBe(300_000);
    expect(await store.keyHolder("open#0")).toBe("pos_2");
  });

  it("the lease sweep reclaims a dead entry's claims and risk, its slot included, and keeps a live one's", async () => {
    const { store } = await make();
    const limits = { ...wide, maxEntriesPerSlot: 1 };
    expect((await store.reserve(request("pos_1", { limits }))).ok).toBe(true);
    expect(
      (await store.reserve(request("pos_2", { limits, slot: "2026-11-25T10:30", now: T + 4 * MIN }))).ok,
    ).toBe(true);
    const report = await reclaimClaims(store, T + 6 * MIN);
    expect(report.reclaimed.map((r) => r.holder)).toEqual(["pos_1"]);
    expect(report.inProgress.map((r) => r.holder)).toEqual(["pos_2"]);
    expect(report.totalCents).toBe(300_000);
    expect(await store.keyHolder("slot|2026-11-25T10:00#0")).toBeNull();
    expect(await store.keyHolder("slot|2026-11-25T10:30#0")).toBe("pos_2");
    // Local start-up under the state lock: every holder is gone, leases or not.
    const startUp = await reclaimClaims(store, T + 6 * MIN, { holdersGone: true });
    expect(startUp.reclaimed.map((r) => r.holder)).toEqual(["pos_2"]);
    expect(startUp.totalCents).toBe(0);
  });

  it("an expiry never frees capacity the broker may fill: a holder with a pending order or a position keeps its claims", async () => {
    const { store } = await make();
    const limits = { ...wide, maxOpenPositions: 1, maxTotalRiskCents: 300_000 };
    expect((await store.reserve(request("pos_1", { limits }))).ok).toBe(true);
    await store.savePendingOrder(pendingOf("pos_1"));
    const late = T + 60 * MIN;
    expect(await store.reserve(request("pos_2", { limits, now: late }))).toMatchObject({
      ok: false,
      refusal: { code: "max-open-positions" },
    });
    const report = await reclaimClaims(store, late, { holdersGone: true });
    expect(report.inProgress.map((r) => [r.holder, r.state])).toEqual([["pos_1", "pending-order"]]);
    expect((await store.claims.readBook())?.totalCents).toBe(300_000);
  });

  it("state from before leases: old claims and positions keep their caps, the book is built once from them, a dead old claim is taken over", async () => {
    const { store } = await make();
    const slot = "2026-11-25T10:00";
    // As today's main wrote them: claims without a lease, the position with its keys and risk.
    const { order } = entryFixture(slot);
    const old = positionIdFor(order.idempotencyKey);
    const keys = ["dup|short_put_spread_index_45d|SPX|2027-01-09#0", "open#0", `slot|${slot}#0`];
    for (const k of keys) expect(await store.claims.claim(k, old, null, true)).toBe(true);
    await openWith(store, slot, keys, 300_000);
    expect(await store.claims.claim("underlying|RUT#0", "pos_never_written", null, true)).toBe(true);
    expect(await store.claims.readBook()).toBeNull();
    const limits = { ...wide, maxOpenPositions: 1, maxPerUnderlying: 1, maxTotalRiskCents: 500_000 };
    expect(await store.reserve(request("pos_2", { limits }))).toMatchObject({
      ok: false,
      refusal: { code: "max-open-positions", message: expect.stringContaining("1 open positions") },
    });
    const book = await store.claims.readBook();
    expect(book).toEqual({
      totalCents: 300_000,
      entries: { [old]: { riskCents: 300_000, counted: true, leaseUntil: null, plan: [], keys } },
    });
    expect((await reclaimClaims(store, T)).migrated).toBe(false);
    // The old position's risk counts: $3,000 + $3,000 > $5,000.
    expect(
      await store.reserve(
        request("pos_3", { limits: { ...limits, maxOpenPositions: 2 }, underlying: "RUT" }),
      ),
    ).toMatchObject({ ok: false, refusal: { code: "max-total-risk" } });
    // The old claim whose entry never wrote anything was taken over by pos_3 (then given back).
    expect(await store.keyHolder("underlying|RUT#0")).toBeNull();
    await closeIt(store, old, slot);
    expect(await store.claims.readBook()).toEqual({ totalCents: 0, entries: {} });
    expect((await store.reserve(request("pos_2", { limits }))).ok).toBe(true);
  });
}
