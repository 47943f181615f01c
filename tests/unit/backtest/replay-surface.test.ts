import { describe, expect, it } from "vitest";
import { blackScholes } from "@stratdeck/core/pricing";
import { REPLAY_SURFACE, replaySurface, VOL_INDEX_YEARS } from "@stratdeck/sim/backtest";

const T30 = 30 / 365;
const F = 5000;

/** The strike whose Black-Scholes delta (at the surface's own vol) is `target`, by bisection. */
function strikeAtDelta(volAt: (k: number) => number, right: "C" | "P", target: number): number {
  let lo = F * 0.3;
  let hi = F * 2;
  for (let i = 0; i < 80; i++) {
    const k = (lo + hi) / 2;
    const d = blackScholes({
      right,
      spot: F,
      strike: k,
      years: T30,
      vol: volAt(k),
      rate: 0,
      dividendYield: 0,
    }).delta;
    if (d > target) lo = k;
    else hi = k;
  }
  return (lo + hi) / 2;
}

describe("the replay's volatility surface", () => {
  it.each([
    [0.2, 0.35, 0.4],
    [0.12, 0.3, 0.45],
    [0.35, 0.3, 0.45],
  ])("VIX %s: ATM = 0.875 × VIX and the 30-day 25-delta risk reversal is %s–%s of ATM IV", (vix, lo, hi) => {
    const s = replaySurface({ vol: vix });
    const volAt = (k: number): number => s.volAt(k, F, T30);
    expect(s.atmVol(T30)).toBeCloseTo(REPLAY_SURFACE.atmRatio * vix, 12);
    expect(volAt(F)).toBeCloseTo(s.atmVol(T30), 12);
    const put = strikeAtDelta(volAt, "P", -0.25);
    const call = strikeAtDelta(volAt, "C", 0.25);
    const rr = (volAt(put) - volAt(call)) / s.atmVol(T30);
    expect(rr).toBeGreaterThanOrEqual(lo);
    expect(rr).toBeLessThanOrEqual(hi);
  });

  it("term structure: each index at its tenor, total variance linear between, flat outside; VIX alone is flat", () => {
    const r = REPLAY_SURFACE.atmRatio;
    const s = replaySurface({ vol9d: 0.3, vol: 0.25, vol3m: 0.22 });
    expect(s.atmVol(VOL_INDEX_YEARS.vol9d)).toBeCloseTo(r * 0.3, 12);
    expect(s.atmVol(VOL_INDEX_YEARS.vol)).toBeCloseTo(r * 0.25, 12);
    expect(s.atmVol(VOL_INDEX_YEARS.vol3m)).toBeCloseTo(r * 0.22, 12);
    expect(s.atmVol(1 / 365)).toBeCloseTo(r * 0.3, 12);
    expect(s.atmVol(1)).toBeCloseTo(r * 0.22, 12);
    // 60 days: w = w30 + (w93 − w30) × (60 − 30) / (93 − 30), in years.
    const w30 = (r * 0.25) ** 2 * (30 / 365);
    const w93 = (r * 0.22) ** 2 * (93 / 365);
    const w60 = w30 + ((w93 - w30) * 30) / 63;
    expect(s.atmVol(60 / 365)).toBeCloseTo(Math.sqrt(w60 / (60 / 365)), 12);
    const flat = replaySurface({ vol: 0.2 });
    expect([flat.atmVol(2 / 365), flat.atmVol(0.5)]).toEqual([r * 0.2, r * 0.2]);
  });
});
