import { describe, expect, it } from "vitest";
import { seededRandom } from "../../support/seeded-random";
import { roundDecimal } from "../../../packages/sim/src/market/decimal-round";

/** Values where roundDecimal and Number(x.toFixed(dp)) differ (sign of zero included). */
const misses: { x: number; dp: number; got: number; want: number }[] = [];
const same = (x: number, dp: number): void => {
  const want = Number(x.toFixed(dp));
  const got = roundDecimal(x, dp);
  if (!Object.is(got, want)) misses.push({ x, dp, got, want });
};

// The fast rounding must be Number(x.toFixed(dp)) bit for bit (sign of zero included): prices in
// the simulated market, and so every backtest figure, depend on it.
describe("roundDecimal", () => {
  it("equals Number(x.toFixed(dp)) on a million seeded values of every magnitude and sign", () => {
    const next = seededRandom(26);
    for (let i = 0; i < 1_000_000; i++) {
      const magnitude = 10 ** (next() * 14 - 8);
      const x = (next() < 0.5 ? -1 : 1) * next() * magnitude;
      same(x, i % 9);
    }
    expect(misses).toEqual([]);
  });

  it("equals it on ties, near-ties, tick multiples, zeros and the edges", () => {
    const edge = [0, -0, 1e-9, -1e-9, 0.5, -0.5, 1.5, 2.5, 0.125, 0.03125, 1.005, 2.675, 1.0005, 0.00005];
    const extremes = [2 ** 31, 2 ** 40, 1e21, -1e21, Number.NaN, Infinity, -Infinity, Number.MAX_VALUE];
    for (const x of [...edge, ...extremes]) for (let dp = 0; dp <= 10; dp++) same(x, dp);
    for (let k = -20_000; k <= 20_000; k++) {
      for (const x of [k * 0.05, k * 0.01, k * 0.005, k / 3, k * 0.00005, k * 0.025 + 1e-12])
        for (const dp of [2, 4, 6]) same(x, dp);
    }
    expect(misses).toEqual([]);
  });
});
