import { describe, expect, it } from "vitest";
import {
  peakRiskCents,
  quantile,
  sharpeOfEquity,
  worstMonth,
  type BacktestTrade,
} from "@stratdeck/sim/backtest";

const trade = (entry: string, exit: string, maxLossCents: number): BacktestTrade =>
  ({ entry: { time: entry }, exit: { time: exit }, maxLossCents }) as unknown as BacktestTrade;

describe("trade figures, by hand", () => {
  it("quantile interpolates between closest ranks", () => {
    // sorted −500, −100, 50, 200, 300: h = 4 × 0.1 = 0.4 → −500 + 0.4 × 400 = −340
    expect(quantile([200, -100, 50, -500, 300], 0.1)).toBeCloseTo(-340, 9);
    expect(quantile([200, -100, 50, -500, 300], 0.5)).toBe(50);
    expect(quantile([7], 0.95)).toBe(7);
  });

  it("worst month is the largest fall of month-end equity (the first month from 0)", () => {
    const dates = ["2025-01-30", "2025-01-31", "2025-02-27", "2025-02-28", "2025-03-31"];
    // Jan: 0 → 500 (+500); Feb: 500 → −300 (−800); Mar: −300 → −500 (−200)
    expect(worstMonth(dates, [100, 500, 900, -300, -500])).toEqual({ month: "2025-02", pnlCents: -800 });
    expect(worstMonth(dates, [1, 2, 3, 4, 5])).toBeNull();
  });

  it("Sharpe of daily equity: mean / sample sd of the changes × √252", () => {
    // changes from 0: 100, −50, 100, −50 → mean 25, sd √(4×75²/3) = 86.6025
    const s = sharpeOfEquity([100, 50, 150, 100]) as number;
    expect(s).toBeCloseTo((25 / Math.sqrt((4 * 75 * 75) / 3)) * Math.sqrt(252), 9);
    expect(sharpeOfEquity([100])).toBeNull();
    expect(sharpeOfEquity([0, 0, 0])).toBeNull();
  });

  it("peak risk is the most max loss open on one New York date", () => {
    const trades = [
      trade("2025-01-02T15:00:00Z", "2025-01-10T21:00:00Z", 2000),
      trade("2025-01-10T15:00:00Z", "2025-01-20T21:00:00Z", 3000), // overlaps the first on Jan 10
      trade("2025-01-21T15:00:00Z", "2025-01-25T21:00:00Z", 4000),
    ];
    expect(peakRiskCents(trades)).toBe(5000);
    expect(peakRiskCents([])).toBe(0);
  });
});
