import { describe, expect, it } from "vitest";
import { DynamicMarket, IV_INDEX_YEARS, MarketHistory, indexStats } from "@stratdeck/sim/market";

const END = Date.parse("2024-12-31T22:00:00Z");
const SEEDS = [11, 12];

const HISTORIES = SEEDS.map((seed) => {
  const h = new MarketHistory({ seed, start: "2015-01-02" });
  h.ensure(END);
  return h;
});

const realisedVol = (symbol: string): number =>
  HISTORIES.reduce((a, h) => a + indexStats(h, symbol).realisedVol, 0) / HISTORIES.length;

describe("unrigged market dynamics (SPX is calibrated in market-calibration.test.ts)", () => {
  it("the other indices are more volatile than SPX, within a plausible range", () => {
    const spx = realisedVol("SPX");
    for (const symbol of ["NDX", "RUT"]) {
      const v = realisedVol(symbol);
      expect(v).toBeGreaterThan(spx);
      expect(v).toBeLessThan(0.3);
    }
  });
});

describe("DynamicMarket", () => {
  it("is a pure function of the seed, and a fork changes only the future", () => {
    const at = Date.parse("2025-06-02T15:00:00Z");
    const later = Date.parse("2025-09-02T15:00:00Z");
    const a = new DynamicMarket({ seed: 5, start: "2024-06-03" });
    const b = new DynamicMarket({ seed: 5, start: "2024-06-03" });
    const f = new DynamicMarket({ seed: 5, start: "2024-06-03", fork: { from: "2025-07-01", seed: 99 } });
    expect(b.spotAt("SPX", later)).toBe(a.spotAt("SPX", later));
    expect(f.spotAt("SPX", at)).toBe(a.spotAt("SPX", at));
    expect(f.ivRankAt("RUT", at)).toBe(a.ivRankAt("RUT", at));
    expect(f.spotAt("SPX", later)).not.toBe(a.spotAt("SPX", later));
    expect(a.spotAt("XSP", at)).toBeCloseTo(a.spotAt("SPX", at) / 10, 1);
  });

  it("prices rest at the close between sessions and stamp each value at or before the asked instant", () => {
    const m = new DynamicMarket({ seed: 3, start: "2024-06-03" });
    const close = Date.parse("2025-06-06T20:00:00Z"); // Friday 16:00 New York
    const sunday = Date.parse("2025-06-08T18:00:00Z");
    expect(m.spotAt("SPX", sunday)).toBe(m.spotAt("SPX", close));
    expect(m.stampAt("SPX", sunday)).toBe(close);
    const mid = close - 90 * 60_000 + 37_000;
    expect(m.stampAt("SPX", mid)).toBe(close - 90 * 60_000);
  });

  it("term structure is inverted when vol is high and upward sloping when low; the risk reversal widens with vol", () => {
    const m = new DynamicMarket({ seed: 7, start: "2015-01-02" });
    const days = m.history;
    days.ensure(END);
    const spxIndex = days.symbols.indexOf("SPX");
    const sessions = days.generated();
    const ivs = sessions.map((s) => s.ivClose[spxIndex] ?? 0);
    const hi = sessions[ivs.indexOf(Math.max(...ivs))];
    const lo = sessions[ivs.indexOf(Math.min(...ivs))];
    if (!hi || !lo) throw new Error("no sessions");
    const slope = (t: number): number =>
      m.impliedVolAt("SPX", 0.5, t) - m.impliedVolAt("SPX", IV_INDEX_YEARS, t);
    expect(slope(hi.closeAt)).toBeLessThan(0);
    expect(slope(lo.closeAt)).toBeGreaterThan(0);
    // The 30-day 25-delta risk reversal in vol points (25Δ put IV − 25Δ call IV) rises with the
    // vol level, as SPX's does (its ratio to ATM IV stays near 0.35–0.40: surface-smile.test.ts).
    const skew = (t: number): number => {
      const spot = m.spotAt("SPX", t);
      const d = new Date(t + 30 * 86_400_000).toISOString().slice(0, 10);
      const quotes = (right: "P" | "C") =>
        Array.from({ length: 161 }, (_, i) => Math.round((spot * (0.6 + i * 0.005)) / 5) * 5)
          .map((strike) => m.optionQuoteAt({ root: "SPXW", date: d, right, strike }, t))
          .filter((q) => q !== null);
      const at25 = (right: "P" | "C"): number => {
        const qs = quotes(right);
        const best = qs.reduce((a, q) =>
          Math.abs(Math.abs(q.delta) - 0.25) < Math.abs(Math.abs(a.delta) - 0.25) ? q : a,
        );
        return best.iv;
      };
      return at25("P") - at25("C");
    };
    expect(skew(hi.closeAt)).toBeGreaterThan(skew(lo.closeAt));
  });
});
