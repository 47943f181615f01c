import { describe, expect, it } from "vitest";
import { FakeClock, scaledClock } from "@stratdeck/core/time";

describe("FakeClock", () => {
  it("starts where told and moves only on advance/set", () => {
    const c = new FakeClock("2026-11-25T14:30:00Z");
    expect(c.now()).toBe(Date.parse("2026-11-25T14:30:00Z"));
    c.advance(1500);
    expect(c.now()).toBe(Date.parse("2026-11-25T14:30:01.500Z"));
    c.set("2026-11-25T15:00:00Z");
    expect(c.now()).toBe(Date.parse("2026-11-25T15:00:00Z"));
  });
  it("refuses to go backwards or take bad input", () => {
    const c = new FakeClock(1000);
    expect(() => c.advance(-1)).toThrow(/>= 0/);
    expect(() => c.set(10)).toThrow(/cannot go back/);
    expect(() => new FakeClock("not a date")).toThrow(/invalid start/);
  });
  it("scales elapsed time by speed", () => {
    const base = new FakeClock(0);
    const fast = scaledClock(base, 60, 1_000_000);
    base.advance(1000);
    expect(fast.now()).toBe(1_060_000);
  });
});
