import { describe, expect, it } from "vitest";
import { blackScholes, impliedVol, normCdf } from "@stratdeck/core/pricing";

describe("Black-Scholes", () => {
  it("matches Hull's textbook example (S=42, K=40, r=10%, σ=20%, T=0.5): call 4.76, put 0.81", () => {
    const base = { spot: 42, strike: 40, rate: 0.1, vol: 0.2, years: 0.5 };
    expect(blackScholes({ ...base, right: "C" }).price).toBeCloseTo(4.7594, 4);
    expect(blackScholes({ ...base, right: "P" }).price).toBeCloseTo(0.8086, 4);
  });

  it("satisfies put-call parity and greek identities", () => {
    const base = { spot: 6000, strike: 5800, rate: 0.04, vol: 0.17, years: 45 / 365, dividendYield: 0.013 };
    const c = blackScholes({ ...base, right: "C" });
    const p = blackScholes({ ...base, right: "P" });
    const parity =
      base.spot * Math.exp(-base.dividendYield * base.years) -
      base.strike * Math.exp(-base.rate * base.years);
    expect(c.price - p.price).toBeCloseTo(parity, 8);
    expect(c.delta - p.delta).toBeCloseTo(Math.exp(-base.dividendYield * base.years), 10);
    expect(c.gamma).toBeCloseTo(p.gamma, 12);
    expect(p.delta).toBeLessThan(0);
    expect(c.theta).toBeLessThan(0);
  });

  it("gives Φ values from the standard table", () => {
    expect(normCdf(0)).toBe(0.5);
    expect(normCdf(1.96)).toBeCloseTo(0.9750021, 7);
    expect(normCdf(-1)).toBeCloseTo(0.1586553, 7);
  });

  it("recovers the volatility from a price", () => {
    const inputs = { right: "P" as const, spot: 6000, strike: 5700, rate: 0.04, years: 30 / 365 };
    const price = blackScholes({ ...inputs, vol: 0.23 }).price;
    expect(impliedVol(price, inputs)).toBeCloseTo(0.23, 6);
    expect(impliedVol(0, inputs)).toBeUndefined();
  });

  it("returns intrinsic value at expiry", () => {
    expect(blackScholes({ right: "P", spot: 5750, strike: 5800, rate: 0.04, vol: 0.2, years: 0 }).price).toBe(
      50,
    );
  });
});
