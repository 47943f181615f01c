import { describe, expect, it } from "vitest";
import { seededRandom } from "../../support/seeded-random";
import { blackScholes } from "@stratdeck/core/pricing";
import { popShortPut, realWorldFigures, realWorldVol, type RealWorldWing } from "@stratdeck/core/strategies";

const model = { spot: 6000, years: 45 / 365, rate: 0.04, dividendYield: 0.013 };
const putWing: RealWorldWing = { right: "P", short: 5700, long: 5675, breakeven: 5697, iv: 0.2 };
const callWing: RealWorldWing = { right: "C", short: 6300, long: 6325, breakeven: 6303, iv: 0.13 };
const trade = { credit: 3, multiplier: 100, quantity: 1, feesCents: 0 };

/** Seeded uniform (mulberry32) and standard normals (Box-Muller): an independent Monte Carlo. */
function normals(seed: number): () => number {
  const u = seededRandom(seed);
  return () => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
}

/** Mean P&L per share and share of profitable paths of a short vertical, simulated. */
function simulate(w: RealWorldWing, vol: number, credit: number, n = 200_000) {
  const z = normals(7);
  const { spot, years, rate, dividendYield } = model;
  let pnl = 0;
  let wins = 0;
  for (let i = 0; i < n; i++) {
    const s =
      spot * Math.exp((rate - dividendYield - (vol * vol) / 2) * years + vol * Math.sqrt(years) * z());
    const intrinsic = (k: number) => (w.right === "P" ? Math.max(k - s, 0) : Math.max(s - k, 0));
    const payoff = intrinsic(w.short) - intrinsic(w.long);
    pnl += credit - Math.exp(-rate * years) * payoff;
    if (credit - payoff > 0) wins += 1;
  }
  return { pnl: pnl / n, pop: wins / n };
}

describe("real-world EV and POP of an idea (IV − a stated volatility risk premium)", () => {
  it("with no premium it is the risk-neutral model: EV = credit − Black-Scholes at the breakeven IV, POP = the filters' POP", () => {
    const f = realWorldFigures([putWing], trade, model, 0)!;
    const bs = (k: number) => blackScholes({ right: "P", strike: k, vol: 0.2, ...model }).price;
    const fair = bs(putWing.short) - bs(putWing.long);
    expect(f.expectedPnlCents).toBe(Math.floor((trade.credit - fair) * 100 * 100));
    expect(f.pop).toBeCloseTo(popShortPut(putWing.breakeven, 0.2, model), 6);
  });

  it("EV and POP come from one distribution: a Monte Carlo of the stated lognormal agrees", () => {
    const f = realWorldFigures([putWing], trade, model, 0.04)!;
    const mc = simulate(putWing, 0.16, trade.credit);
    expect(f.pop).toBeCloseTo(mc.pop, 2);
    // Per share: cents ÷ 100 cents ÷ 100 shares.
    expect(f.expectedPnlCents / 100 / 100).toBeCloseTo(mc.pnl, 1);
    expect(f.basis).toContain("IV at the breakeven − 4.0 points");
    expect(f.volRiskPremium).toBe(0.04);
  });

  it("a condor sums its wings' EV and subtracts both tails from its POP", () => {
    const both = realWorldFigures([putWing, callWing], { ...trade, credit: 5 }, model, 0.03)!;
    const put = realWorldFigures([putWing], { ...trade, credit: 5 }, model, 0.03)!;
    const call = realWorldFigures([callWing], { ...trade, credit: 0 }, model, 0.03)!;
    // Each wing's loss at its own distribution; the credit counted once.
    expect(
      Math.abs(both.expectedPnlCents - (put.expectedPnlCents + call.expectedPnlCents)),
    ).toBeLessThanOrEqual(1);
    const putTail = 1 - simulate(putWing, 0.17, 5).pop;
    const callTail = 1 - simulate(callWing, 0.1, 5).pop;
    expect(both.pop).toBeCloseTo(1 - putTail - callTail, 2);
  });

  it("a larger premium raises EV and POP of a short spread; fees come off the EV", () => {
    const lo = realWorldFigures([putWing], trade, model, 0.01)!;
    const hi = realWorldFigures([putWing], trade, model, 0.05)!;
    expect(hi.pop).toBeGreaterThan(lo.pop);
    expect(hi.expectedPnlCents).toBeGreaterThan(lo.expectedPnlCents);
    const fees = realWorldFigures([putWing], { ...trade, quantity: 2, feesCents: 431 }, model, 0.05)!;
    expect(fees.expectedPnlCents).toBe(hi.expectedPnlCents * 2 - 431);
  });

  it("the real-world volatility never falls below half the IV; no IV or no time gives no figures", () => {
    expect(realWorldVol(0.2, 0.04)).toBeCloseTo(0.16, 12);
    expect(realWorldVol(0.06, 0.04)).toBeCloseTo(0.03, 12);
    expect(realWorldFigures([{ ...putWing, iv: 0 }], trade, model)).toBeUndefined();
    expect(realWorldFigures([putWing], trade, { ...model, years: 0 })).toBeUndefined();
  });

  it("rounds the expected P&L down to the cent (against the trader)", () => {
    const bs = (k: number) => blackScholes({ right: "P", strike: k, vol: 0.2, ...model }).price;
    const fair = bs(putWing.short) - bs(putWing.long);
    // A spread's credit 5.33 cents under its fair value (0.0000533 × 100 shares): −5.33 → −6, not −5.
    const f = realWorldFigures([putWing], { ...trade, credit: fair - 0.000533 }, model, 0)!;
    expect(f.expectedPnlCents).toBe(-6);
  });
});
