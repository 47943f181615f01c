import { expect, it } from "vitest";
import type { StatusStore } from "@stratdeck/core/status";
import { FakeClock } from "@stratdeck/core/time";

/** Shared behaviour every StatusStore adapter must show. */
export function statusStoreCase(make: (clock: FakeClock) => Promise<StatusStore>): void {
  const T0 = Date.parse("2026-11-25T15:00:00Z");

  it("reads null before any heartbeat", async () => {
    const store = await make(new FakeClock(T0));
    expect(await store.read("stream")).toBeNull();
  });

  it("returns the latest heartbeat with its age", async () => {
    const clock = new FakeClock(T0);
    const store = await make(clock);
    await store.beat("stream", { state: "connecting", reconnects: 0 });
    clock.advance(2_000);
    await store.beat("stream", { state: "streaming", reconnects: 1, symbols: ["SPX", ".SPXW261231P5800"] });
    clock.advance(1_500);
    const hb = await store.read<{ state: string; reconnects: number; symbols: string[] }>("stream");
    expect(hb).toEqual({
      id: "stream",
      data: { state: "streaming", reconnects: 1, symbols: ["SPX", ".SPXW261231P5800"] },
      updatedAt: T0 + 2_000,
      ageMs: 1_500,
    });
  });
}
