import { describe, expect, it } from "vitest";
import { priceOption } from "@stratdeck/core/strategies";
import { blackScholes } from "@stratdeck/core/pricing";

const strike = {
  strike: 5700,
  callOcc: "SPXW  270109C05700000",
  callStreamer: ".SPXW270109C5700",
  putOcc: "SPXW  270109P05700000",
  putStreamer: ".SPXW270109P5700",
};
const model = { spot: 6000, years: 0.1, rate: 0.04, dividendYield: 0.01 };
const base = { symbol: ".SPXW270109P5700", source: "stream" as const, asOf: 1, ageMs: 0 };

// priceOption builds its result field by field (not by spreading, which V8 copies slowly): the
// fields, their order (JSON output) and the fallbacks are what they were.
describe("priceOption", () => {
  it("takes the quote's IV and delta, the right's symbols, keys in their order", () => {
    const q = { ...base, bid: 20, ask: 21, iv: 0.2, delta: -0.25 };
    const p = priceOption(strike, "P", q, model);
    expect(Object.keys(p)).toEqual([
      "right",
      "strike",
      "quote",
      "occSymbol",
      "streamerSymbol",
      "iv",
      "delta",
    ]);
    expect(p).toEqual({
      right: "P",
      strike: 5700,
      quote: q,
      occSymbol: strike.putOcc,
      streamerSymbol: strike.putStreamer,
      iv: 0.2,
      delta: -0.25,
    });
    expect(priceOption(strike, "C", q, model).streamerSymbol).toBe(strike.callStreamer);
  });

  it("implies IV from the mid and delta from it when the quote has neither; leaves both out without a mid", () => {
    const p = priceOption(strike, "P", { ...base, bid: 20, ask: 21 }, model);
    expect(p.iv).toBeGreaterThan(0);
    expect(p.delta).toBeCloseTo(blackScholes({ right: "P", strike: 5700, vol: p.iv!, ...model }).delta, 12);
    const bare = priceOption(strike, "P", { ...base }, model);
    expect(Object.keys(bare)).toEqual(["right", "strike", "quote", "occSymbol", "streamerSymbol"]);
  });
});
