import { expect, it } from "vitest";
import {
  DEFAULT_PAPER_SETTINGS,
  positionIdFor,
  type PaperOrderStore,
  type ReservationRequest,
} from "@stratdeck/core/ledger";
import { entryFixture } from "./paper-order-store.case";

const limits = { ...DEFAULT_PAPER_SETTINGS.risk };
/** The time of every reservation here, ms since epoch (leases run far past each test). */
const NOW = Date.parse("2026-11-25T15:00:00Z");

function request(i: number, over: Partial<ReservationRequest> = {}): ReservationRequest {
  return {
    positionId: `pos_${i}`,
    strategy: "short_put_spread_index_45d",
    underlying: ["SPX", "XSP", "RUT", "NDX"][i % 4]!,
    expiration: `2027-01-${String(10 + i).padStart(2, "0")}`,
    slot: `2026-11-25T${String(10 + (i % 8)).padStart(2, "0")}:00`,
    riskCents: 100_000,
    limits,
    now: NOW,
    ...over,
  };
}

/** Reservations (conditional writes, no transactions) every PaperOrderStore adapter must honour. */
export function reservationsCase(make: () => Promise<PaperOrderStore>): void {
  it(
    "20 concurrent reservations in different slots: never more than the caps",
    { timeout: 120_000 },
    async () => {
      const store = await make();
      const caps = { ...limits, maxOpenPositions: 5, maxPerUnderlying: 2, maxPerStrategyUnderlying: 9 };
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => store.reserve(request(i, { limits: caps }))),
      );
      const ok = results.flatMap((r, i) => (r.ok ? [request(i)] : []));
      // Under contention a loser may release a claim another loser needed: fewer is possible, more never.
      expect(ok.length).toBeGreaterThanOrEqual(1);
      expect(ok.length).toBeLessThanOrEqual(5);
      const perUnderlying = new Map<string, number>();
      for (const r of ok) perUnderlying.set(r.underlying, (perUnderlying.get(r.underlying) ?? 0) + 1);
      expect(Math.max(...perUnderlying.values())).toBeLessThanOrEqual(2);
      const codes = new Set(results.flatMap((r) => (r.ok ? [] : [r.refusal.code])));
      expect(
        [...codes].every((c) =>
          ["max-open-positions", "max-per-underlying", "max-entries-per-slot"].includes(c),
        ),
      ).toBe(true);
      // Sequentially, the caps are reached exactly: 5 more would be refused.
      const seq = await make();
      let n = 0;
      for (let i = 0; i < 20; i++) if ((await seq.reserve(request(i, { limits: caps }))).ok) n++;
      expect(n).toBe(5);
    },
  );

  it("the same strategy, underlying and expiration: one reservation; the others say why", async () => {
    const store = await make();
    const same = { underlying: "SPX", expiration: "2027-01-15" };
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => store.reserve(request(i, same))));
    const winners = results.filter((r) => r.ok);
    expect(winners).toHaveLength(1);
    const winner = results.findIndex((r) => r.ok);
    for (const r of results.filter((x) => !x.ok)) {
      expect(r).toMatchObject({
        ok: false,
        refusal: {
          code: "duplicate-exposure",
          message: expect.stringContaining(
            `entry pos_${winner} (no position written yet; its lease ends 2026-11-25T15:05:00.000Z`,
          ),
        },
      });
    }
  });

  it("the total-risk counter holds under concurrency: $25,000 cap, $3,000 positions → 8", async () => {
    const store = await make();
    const caps = { ...limits, maxOpenPositions: 50, maxPerUnderlying: 50, maxPerStrategyUnderlying: 50 };
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        store.reserve(
          request(i, {
            limits: caps,
            riskCents: 300_000,
            slot: `2026-11-25T10:${String(i).padStart(2, "0")}`,
          }),
        ),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(8);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.refusal.code)).toEqual(
      Array(4).fill("max-total-risk"),
    );
  });

  it("a close releases the position's claims and risk, but its slot stays taken", async () => {
    const store = await make();
    const caps = { ...limits, maxOpenPositions: 1, maxEntriesPerSlot: 1, maxPerStrategyUnderlying: 5 };
    const { order, position } = entryFixture("2026-11-25T10:00");
    const positionId = positionIdFor(order.idempotencyKey);
    const base = {
      strategy: position.strategy,
      underlying: "SPX",
      slot: "2026-11-25T10:00",
      limits: caps,
      now: NOW,
    };
    const first = await store.reserve({
      ...base,
      positionId,
      expiration: position.expiration,
      riskCents: 5_000,
    });
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    await store.open(order, { ...position, reservations: first.keys, reservedRiskCents: 5_000 });
    const blocked = await store.reserve({
      ...base,
      positionId: "pos_b",
      expiration: "2027-02-19",
      riskCents: 5_000,
      slot: "2026-11-25T10:30",
    });
    expect(blocked).toMatchObject({ ok: false, refusal: { code: "max-open-positions" } });
    await store.close({
      positionId,
      order: { ...order, side: "debit", price: 0.5, reason: "manual", idempotencyKey: `${positionId}|close` },
      exitFeesCents: 0,
      closeReason: "manual",
    });
    // Open-position, duplicate and risk claims are free again ...
    const later = { ...base, positionId: "pos_c", expiration: position.expiration, riskCents: 2_500_000 };
    expect((await store.reserve({ ...later, slot: "2026-11-25T10:30" })).ok).toBe(true);
    // ... but the slot still counts its entry, closed or not.
    expect(await store.reserve({ ...later, positionId: "pos_d", expiration: "2027-03-19" })).toMatchObject({
      ok: false,
      refusal: { code: "max-entries-per-slot" },
    });
  });
}
