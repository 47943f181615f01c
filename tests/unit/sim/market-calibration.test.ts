import { describe, expect, it } from "vitest";
import {
  CALIBRATION_TARGETS,
  MarketHistory,
  UNDERLYING_DYNAMICS,
  indexStats,
  type IndexStats,
} from "@stratdeck/sim/market";

// Three seeded 35-year histories of SPX alone (as long as the real 1990–2024 sample), measured
// on the pure dynamics (no chains): each statistic's mean must land in its band.
const SEEDS = [11, 12, 13];
const END = Date.parse("2025-01-01T00:00:00Z");
const SPX = UNDERLYING_DYNAMICS["SPX"];

function measured(): IndexStats[] {
  if (!SPX) throw new Error("SPX dynamics missing");
  return SEEDS.map((seed) => {
    const h = new MarketHistory({ seed, start: "1990-01-02", underlyings: { SPX } });
    h.ensure(END);
    return indexStats(h, "SPX");
  });
}

describe("the synthetic market against real S&P 500 / VIX history (calibration-targets.ts)", () => {
  const all = measured();
  const mean = (k: keyof IndexStats): number => all.reduce((a, s) => a + s[k], 0) / all.length;

  it("measures 35 years per seed", () => {
    for (const s of all) expect(s.sessions).toBeGreaterThan(8700);
  });

  it.each(CALIBRATION_TARGETS.map((t) => [t.label, t] as const))("%s lands in its band", (_, t) => {
    const value = mean(t.stat);
    expect(t.real).toBeGreaterThanOrEqual(t.low);
    expect(t.real).toBeLessThanOrEqual(t.high);
    expect(value, `${t.label}: simulated ${value}, band ${t.low}–${t.high}`).toBeGreaterThanOrEqual(t.low);
    expect(value, `${t.label}: simulated ${value}, band ${t.low}–${t.high}`).toBeLessThanOrEqual(t.high);
  });
});
