import { describe, expect, it } from "vitest";
import { ReconnectBackoff } from "@stratdeck/core/dxlink";

const opts = { initialMs: 100, maxMs: 2_000, resetAfterMs: 10_000 };

describe("reconnect backoff", () => {
  it("grows exponentially and is capped", () => {
    const lo = new ReconnectBackoff(opts, () => 0);
    const hi = new ReconnectBackoff(opts, () => 0.999999);
    const low = Array.from({ length: 10 }, () => lo.next(0));
    const high = Array.from({ length: 10 }, () => hi.next(0));
    expect(low).toEqual([50, 100, 200, 400, 800, 1000, 1000, 1000, 1000, 1000]);
    expect(high.slice(0, 5)).toEqual([99, 199, 399, 799, 1599]);
    for (const d of high) expect(d).toBeLessThanOrEqual(opts.maxMs);
  });

  it("is jittered: same attempt, different random => different delay, never below half", () => {
    let r = 0;
    const seq = [0.1, 0.9, 0.5, 0.3];
    const delays = seq.map((v) => {
      r = v;
      return new ReconnectBackoff(opts, () => r).next(0);
    });
    expect(new Set(delays).size).toBe(seq.length);
    for (const d of delays) expect(d).toBeGreaterThanOrEqual(opts.initialMs / 2);
  });

  it("never returns 0 (no tight loop), even with a tiny initial delay", () => {
    const b = new ReconnectBackoff({ initialMs: 1, maxMs: 1, resetAfterMs: 1 }, () => 0);
    expect(b.next(0)).toBeGreaterThanOrEqual(1);
  });

  it("resets after a session that streamed for the healthy period, not after a short one", () => {
    const b = new ReconnectBackoff(opts, () => 0);
    for (let i = 0; i < 5; i++) b.next(0);
    expect(b.next(9_999)).toBe(1000);
    expect(b.next(10_000)).toBe(50);
    expect(b.attempts).toBe(1);
  });
});
