import { describe, expect, it } from "vitest";
import { intradayPath } from "@stratdeck/sim/backtest";
import { SeededRng } from "../../../packages/sim/src/market/dynamics/seeded-rng";

const bar = { open: 5000.25, high: 5061.4, low: 4950.1, close: 5012.75 };

describe("the seeded intraday path through a day's OHLC", () => {
  it("opens at the open, closes at the close, touches the high and the low and never leaves them", () => {
    for (let seed = 1; seed <= 40; seed++) {
      const p = intradayPath(bar, 390, new SeededRng(seed, 1));
      expect(p.length).toBe(391);
      expect(p[0]).toBe(bar.open);
      expect(p[390]).toBe(bar.close);
      expect(Math.max(...p)).toBe(bar.high);
      expect(Math.min(...p)).toBe(bar.low);
      for (const x of p) expect(Math.round(x * 100) / 100).toBe(x);
    }
  });

  it("extremes at the open or the close stay there; a flat bar is flat; an early close has 210 minutes", () => {
    const up = { open: 100, high: 110, low: 100, close: 110 };
    const p = intradayPath(up, 210, new SeededRng(3, 1));
    expect([p[0], p[210], Math.min(...p), Math.max(...p), p.length]).toEqual([100, 110, 100, 110, 211]);
    const flat = intradayPath({ open: 50, high: 50, low: 50, close: 50 }, 390, new SeededRng(3, 1));
    expect(new Set(flat)).toEqual(new Set([50]));
  });

  it("is a function of the seed: the same seed gives the same path, another seed another", () => {
    const a = intradayPath(bar, 390, new SeededRng(7, 1));
    expect(intradayPath(bar, 390, new SeededRng(7, 1))).toEqual(a);
    expect(intradayPath(bar, 390, new SeededRng(8, 1))).not.toEqual(a);
  });
});
