import { describe, expect, it } from "vitest";
import { blackScholes } from "@stratdeck/core/pricing";
import {
  normInv,
  popIronCondor,
  popShortCall,
  popShortPut,
  priceOption,
  smileAt,
  strikeForDelta,
} from "@stratdeck/core/strategies";

/** Φ(x) by Simpson's rule on the normal density: independent of the library's normCdf. */
function phi(x: number): number {
  const a = -12;
  const n = 20_000;
  const h = (x - a) / n;
  const f = (t: number): number => Math.exp(-0.5 * t * t) / Math.sqrt(2 * Math.PI);
  let s = f(a) + f(x);
  for (let i = 1; i < n; i++) s += (i % 2 ? 4 : 2) * f(a + i * h);
  return (s * h) / 3;
}

describe("Black-Scholes against textbook values", () => {
  it("Hull ex. 15.6 (S=42, K=40, r=10%, σ=20%, T=0.5): d1=0.7693, d2=0.6278, c=4.76, p=0.81", () => {
    const S = 42,
      K = 40,
      r = 0.1,
      v = 0.2,
      T = 0.5;
    const d1 = (Math.log(S / K) + (r + (v * v) / 2) * T) / (v * Math.sqrt(T));
    const d2 = d1 - v * Math.sqrt(T);
    expect(d1).toBeCloseTo(0.7693, 4);
    expect(d2).toBeCloseTo(0.6278, 4);
    const call = blackScholes({ right: "C", spot: S, strike: K, years: T, vol: v, rate: r });
    expect(call.price).toBeCloseTo(S * phi(d1) - K * Math.exp(-r * T) * phi(d2), 6);
    expect(call.price).toBeCloseTo(4.76, 2);
    expect(blackScholes({ right: "P", spot: S, strike: K, years: T, vol: v, rate: r }).price).toBeCloseTo(
      0.81,
      2,
    );
  });

  it("Hull ex. 19.1 delta (S=49, K=50, r=5%, σ=20%, T=20/52): call Δ = N(d1) = 0.522, computed from IV when the quote has none", () => {
    const model = { spot: 49, years: 20 / 52, rate: 0.05, dividendYield: 0 };
    const strike = { strike: 50, callOcc: "X", callStreamer: ".X", putOcc: "Y", putStreamer: ".Y" };
    const quote = { symbol: ".X", bid: 2.3, ask: 2.5, iv: 0.2, source: "stream" as const, asOf: 0, ageMs: 0 };
    const call = priceOption(strike, "C", quote, model);
    expect(call.delta).toBeCloseTo(0.522, 3);
    const put = priceOption(strike, "P", { ...quote, symbol: ".Y" }, model);
    expect(put.delta).toBeCloseTo(0.522 - 1, 3);
    // a quote's own delta wins over the model
    expect(priceOption(strike, "C", { ...quote, delta: 0.5 }, model).delta).toBe(0.5);
    // no IV: implied from the mid, then delta from it
    const bsPrice = blackScholes({
      right: "C",
      spot: 49,
      strike: 50,
      years: 20 / 52,
      vol: 0.2,
      rate: 0.05,
    }).price;
    const fromMid = priceOption(
      strike,
      "C",
      { symbol: ".X", mid: bsPrice, source: "rest", asOf: 0, ageMs: 0 },
      model,
    );
    expect(fromMid.iv).toBeCloseTo(0.2, 5);
    expect(fromMid.delta).toBeCloseTo(0.522, 3);
  });
});

describe("POP (lognormal, risk-neutral)", () => {
  const m = { spot: 100, years: 0.5, rate: 0.05, dividendYield: 0.01 };

  it("short put spread: POP = N(d2) at the breakeven", () => {
    // d2 = (ln(100/95) + (0.05 − 0.01 − 0.2²/2)·0.5) / (0.2·√0.5) = (0.051293 + 0.01) / 0.141421 = 0.433413
    const d2 = (Math.log(100 / 95) + (0.05 - 0.01 - 0.02) * 0.5) / (0.2 * Math.sqrt(0.5));
    expect(d2).toBeCloseTo(0.433413, 5);
    expect(popShortPut(95, 0.2, m)).toBeCloseTo(phi(d2), 7);
    // standard normal table: Φ(0.43) = 0.66640, Φ(0.44) = 0.67003 → Φ(0.4334) ≈ 0.66764
    expect(popShortPut(95, 0.2, m)).toBeCloseTo(0.66764, 4);
  });

  it("short call spread: POP = N(−d2) at the breakeven", () => {
    const d2 = (Math.log(100 / 110) + (0.04 - 0.5 * 0.25 * 0.25) * 0.5) / (0.25 * Math.sqrt(0.5));
    expect(popShortCall(110, 0.25, m)).toBeCloseTo(phi(-d2), 7);
  });

  it("iron condor: P(BE_low < S_T < BE_high), each breakeven at its own IV", () => {
    const d2 = (be: number, v: number): number =>
      (Math.log(100 / be) + (0.04 - (v * v) / 2) * 0.5) / (v * Math.sqrt(0.5));
    const expected = phi(d2(90, 0.24)) - phi(d2(112, 0.18));
    expect(popIronCondor({ breakeven: 90, vol: 0.24 }, { breakeven: 112, vol: 0.18 }, m)).toBeCloseTo(
      expected,
      7,
    );
    // a condor's POP is below both of its spreads'
    const c = popIronCondor({ breakeven: 90, vol: 0.2 }, { breakeven: 112, vol: 0.2 }, m);
    expect(c).toBeLessThan(popShortPut(90, 0.2, m));
    expect(c).toBeLessThan(popShortCall(112, 0.2, m));
  });

  it("never claims certainty: POP stays strictly inside (0, 1)", () => {
    expect(popShortPut(1, 0.2, m)).toBeLessThan(1);
    expect(popShortPut(1e6, 0.2, m)).toBeGreaterThan(0);
  });
});

describe("model helpers", () => {
  it("normInv inverts Φ", () => {
    for (const p of [1e-6, 0.01, 0.16, 0.5, 0.84, 0.999]) expect(phi(normInv(p))).toBeCloseTo(p, 8);
    expect(normInv(0.975)).toBeCloseTo(1.959964, 5);
  });

  it("strikeForDelta lands on a strike whose BS delta is the target", () => {
    const i = { spot: 6000, vol: 0.18, years: 45 / 365, rate: 0.04, dividendYield: 0.013 };
    for (const [right, d] of [
      ["P", 0.2],
      ["C", 0.16],
    ] as const) {
      const k = strikeForDelta(right, d, i);
      const bs = blackScholes({
        right,
        spot: 6000,
        strike: k,
        years: i.years,
        vol: 0.18,
        rate: 0.04,
        dividendYield: 0.013,
      });
      expect(Math.abs(bs.delta)).toBeCloseTo(d, 6);
    }
  });

  it("interpolates the smile linearly, flat beyond the quoted strikes", () => {
    const pts = [
      { strike: 90, iv: 0.3 },
      { strike: 100, iv: 0.2 },
      { strike: 110, iv: 0.18 },
    ];
    expect(smileAt(pts, 95)).toBeCloseTo(0.25, 12);
    expect(smileAt(pts, 105)).toBeCloseTo(0.19, 12);
    expect(smileAt(pts, 80)).toBe(0.3);
    expect(smileAt(pts, 120)).toBe(0.18);
    expect(smileAt([], 100)).toBeUndefined();
  });
});
