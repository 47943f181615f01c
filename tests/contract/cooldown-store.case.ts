import { expect, it } from "vitest";
import type { CooldownStore } from "@stratdeck/core/tasty";
import { FakeClock } from "@stratdeck/core/time";

/** Shared behaviour every CooldownStore adapter must show. */
export function cooldownStoreCase(make: (clock: FakeClock) => Promise<CooldownStore>): void {
  const T0 = Date.parse("2026-11-25T15:00:00Z");

  it("has no cooldown for an unknown symbol", async () => {
    const store = await make(new FakeClock(T0));
    expect(await store.active("SPX")).toBeNull();
  });

  it("holds a cooldown until its window ends, decided in code (not by TTL)", async () => {
    const clock = new FakeClock(T0);
    const store = await make(clock);
    const c = await store.start("SPX", 60_000, "http-429 GET /market-data/by-type");
    expect(c).toEqual({
      symbol: "SPX",
      until: T0 + 60_000,
      reason: "http-429 GET /market-data/by-type",
      setAt: T0,
    });
    clock.advance(59_999);
    expect((await store.active("SPX"))?.until).toBe(T0 + 60_000);
    clock.advance(1);
    expect(await store.active("SPX")).toBeNull();
  });

  it("keeps the later end when a shorter cooldown is started over a longer one", async () => {
    const clock = new FakeClock(T0);
    const store = await make(clock);
    await store.start("RUT", 120_000, "first");
    clock.advance(1_000);
    const second = await store.start("RUT", 10_000, "second");
    expect(second.until).toBe(T0 + 120_000);
    clock.advance(20_000);
    expect(await store.active("RUT")).not.toBeNull();
  });

  it("reports only the symbols in cooldown from a list", async () => {
    const clock = new FakeClock(T0);
    const store = await make(clock);
    await store.start("SPX", 30_000, "429");
    await store.start("NDX", 1, "429");
    clock.advance(5);
    const active = await store.activeMany(["SPX", "NDX", "XSP"]);
    expect([...active.keys()]).toEqual(["SPX"]);
  });
}
