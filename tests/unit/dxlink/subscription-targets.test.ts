import { describe, expect, it } from "vitest";
import { planSubscriptions } from "@stratdeck/core/stream";
import { sideSymbols, type StreamSide } from "@stratdeck/core/strategies";
import { nyWallTimeToUtc } from "@stratdeck/core/time";
import { chain } from "./chain-fixture";

/** SPXW with every 5-point strike from 4000 to 8000 on three expirations (1,602 options each). */
const denseChain = () =>
  chain(
    "SPX",
    "SPXW",
    ["2026-12-18", "2027-01-08", "2027-02-19"],
    Array.from({ length: 801 }, (_, i) => 4000 + 5 * i),
  );

const pricing = { rate: 0.04, dividendYield: 0.013 };
const putSide: StreamSide = {
  underlying: "SPX",
  right: "P",
  dte: { target: 45, min: 30, max: 60 },
  delta: { target: 0.2, min: 0.12, max: 0.3 },
  width: 25,
};
const today = "2026-11-25";
const now = nyWallTimeToUtc("2026-11-25", 600);

describe("stream targets from strategies.yaml", () => {
  it("a side streams only its scan's expiration, the strikes near its target delta and their wings", () => {
    const symbols = sideSymbols(putSide, pricing, denseChain(), 6000, today, now);
    // 2027-01-08 is the expiration closest to 45 DTE within [30, 60].
    expect(symbols.every((s) => s.startsWith(".SPXW270108P"))).toBe(true);
    const strikes = symbols.map((s) => Number(s.slice(".SPXW270108P".length))).sort((a, b) => a - b);
    expect(symbols.length).toBeGreaterThan(10);
    expect(symbols.length).toBeLessThanOrEqual(48);
    // Out of the money, where 15-25 delta puts sit at ~44 DTE, plus 25-point wings below.
    expect(strikes[0]).toBeGreaterThan(5500);
    expect(strikes.at(-1)).toBeLessThan(5900);
    expect(strikes).toContain(strikes.at(-1)! - 25);
  });

  it("the plan with targets subscribes those windows instead of a band of the whole chain", () => {
    const chains = new Map([["SPX", denseChain()]]);
    const input = {
      window: { underlyings: ["SPX" as const], minDte: 30, maxDte: 60 },
      positions: [],
      chains,
      spotOf: () => 6000,
      today,
      now,
      options: { maxOptionSymbols: 2000, bandFraction: 0.1 },
    };
    const band = planSubscriptions(input);
    const targeted = planSubscriptions({
      ...input,
      window: {
        ...input.window,
        targets: { sides: [putSide, { ...putSide, right: "C" as const }], pricing },
      },
    });
    expect(band.strategySymbols).toBeGreaterThan(400);
    expect(targeted.strategySymbols).toBeLessThan(100);
    expect(targeted.strategySymbols).toBeGreaterThan(20);
  });
});
