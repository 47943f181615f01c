import { expect, it } from "vitest";
import type { SnapshotStore, Snapshot } from "@stratdeck/core/market-data";
import { FakeClock } from "@stratdeck/core/time";

/** Shared behaviour every SnapshotStore adapter must show. */
export function snapshotStoreCase(make: (clock: FakeClock) => Promise<SnapshotStore>): void {
  const T0 = Date.parse("2026-11-25T15:00:00Z");
  const snap = (symbol: string, writtenAt: number, bid = 1.0, ask = 1.2): Snapshot => ({
    symbol,
    bid,
    ask,
    mid: (bid + ask) / 2,
    bidSize: 10,
    askSize: 12,
    iv: 0.18,
    greeks: { delta: -0.16, gamma: 0.001, theta: -0.5, vega: 1.2 },
    eventTime: writtenAt - 5,
    writtenAt,
  });

  it("returns a written snapshot with every field intact", async () => {
    const clock = new FakeClock(T0);
    const store = await make(clock);
    await store.putMany([snap(".SPXW261231P5800", T0)]);
    const got = await store.get(".SPXW261231P5800", { maxAgeMs: 5_000 });
    expect(got).toEqual(snap(".SPXW261231P5800", T0));
  });

  it("returns null for a missing symbol", async () => {
    const store = await make(new FakeClock(T0));
    expect(await store.get("NOPE", { maxAgeMs: 5_000 })).toBeNull();
  });

  it("returns null once the snapshot is older than maxAgeMs, and the boundary is inclusive", async () => {
    const clock = new FakeClock(T0);
    const store = await make(clock);
    await store.putMany([snap("SPX", T0)]);
    clock.advance(5_000);
    expect(await store.get("SPX", { maxAgeMs: 5_000 })).not.toBeNull();
    clock.advance(1);
    expect(await store.get("SPX", { maxAgeMs: 5_000 })).toBeNull();
    expect(await store.get("SPX", { maxAgeMs: 60_000 })).not.toBeNull();
  });

  it("overwrites by symbol and keeps the last of duplicates in one batch", async () => {
    const clock = new FakeClock(T0);
    const store = await make(clock);
    await store.putMany([snap("SPX", T0, 1, 2)]);
    await store.putMany([snap("SPX", T0 + 10, 3, 4), snap("SPX", T0 + 20, 5, 6)]);
    clock.advance(20);
    const got = await store.get("SPX", { maxAgeMs: 1_000 });
    expect(got?.bid).toBe(5);
    expect(got?.writtenAt).toBe(T0 + 20);
  });

  it("writes and reads more than one batch (60 symbols) and filters stale ones in getMany", async () => {
    const clock = new FakeClock(T0);
    const store = await make(clock);
    const fresh = Array.from({ length: 60 }, (_, i) => snap(`.SPXW261231P${5000 + i * 5}`, T0));
    await store.putMany([...fresh, snap("STALE", T0 - 60_000)]);
    const got = await store.getMany([...fresh.map((s) => s.symbol), "STALE", "MISSING"], {
      maxAgeMs: 10_000,
    });
    expect(got.size).toBe(60);
    expect(got.has("STALE")).toBe(false);
    expect(got.get(".SPXW261231P5295")?.ask).toBe(1.2);
  });
}
