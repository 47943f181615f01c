import { expect, it } from "vitest";
import type { AlertStore } from "@stratdeck/core/alerts";
import { FakeClock } from "@stratdeck/core/time";

/** Shared behaviour every AlertStore adapter must show. */
export function alertStoreCase(make: (clock: FakeClock) => Promise<AlertStore>): void {
  const T0 = Date.parse("2026-11-25T15:00:00Z");
  const input = {
    positionId: "pos_1",
    rule: "profit-target",
    message: "SPX put spread at 52% of max profit",
    details: { pct: 52, threshold: 50 },
  };

  it("lets only the first claim of a position's rule through, even concurrently", async () => {
    const store = await make(new FakeClock(T0));
    const results = await Promise.all(Array.from({ length: 5 }, () => store.claim(input)));
    expect(results.filter((r) => r.status === "claimed")).toHaveLength(1);
    const dup = results.find((r) => r.status === "duplicate");
    expect(dup?.status === "duplicate" && dup.existing?.message).toBe(input.message);
  });

  it("treats another rule of the same position as a new alert", async () => {
    const store = await make(new FakeClock(T0));
    expect((await store.claim(input)).status).toBe("claimed");
    expect((await store.claim({ ...input, rule: "dte" })).status).toBe("claimed");
  });

  it("releases a claim so a failed delivery can be retried", async () => {
    const store = await make(new FakeClock(T0));
    const first = await store.claim(input);
    expect(first.status).toBe("claimed");
    await store.release("pos_1|profit-target");
    expect((await store.claim(input)).status).toBe("claimed");
  });

  it("lists recent alerts newest first", async () => {
    const clock = new FakeClock(T0);
    const store = await make(clock);
    await store.claim(input);
    clock.advance(1000);
    await store.claim({ ...input, positionId: "pos_2" });
    const recent = await store.recent(10);
    expect(recent.map((a) => a.positionId)).toEqual(["pos_2", "pos_1"]);
    expect(recent[0]).toMatchObject({
      alertKey: "pos_2|profit-target",
      sentAt: T0 + 1000,
      details: { pct: 52, threshold: 50 },
    });
  });
}
