import { describe, expect, it } from "vitest";
import { fillPriceFromQuotes, fillSpread } from "@stratdeck/core/pricing";

const SPX_TICKS = [{ value: 0.05, threshold: 3 }, { value: 0.1 }];

describe("fillPriceFromQuotes", () => {
  it("fills at mid by default", () => {
    expect(fillPriceFromQuotes("short", 1.0, 1.5)).toEqual({ ok: true, price: 1.25, notes: [] });
  });

  it("conservative: ('short', 1.0, 1.5) lies between 1.0 and 1.25 (bid + 30% of the spread)", () => {
    const r = fillPriceFromQuotes("short", 1.0, 1.5, { model: "conservative" });
    expect(r.ok && r.price).toBeCloseTo(1.15, 10);
    if (!r.ok) return;
    expect(r.price).toBeGreaterThan(1.0);
    expect(r.price).toBeLessThan(1.25);
    const l = fillPriceFromQuotes("long", 1.0, 1.5, { model: "conservative" });
    expect(l.ok && l.price).toBeCloseTo(1.35, 10);
  });

  it("fills a locked quote (bid == ask) at the quote, with a note", () => {
    const r = fillPriceFromQuotes("short", 2.0, 2.0, { model: "conservative" });
    expect(r).toEqual({ ok: true, price: 2.0, notes: ["locked quote (bid == ask): filled at the quote"] });
  });

  it("refuses missing sides, naming each", () => {
    expect(fillPriceFromQuotes("short", undefined, 1.5)).toEqual({
      ok: false,
      reasons: [{ code: "missing-bid", message: "no bid" }],
    });
    const both = fillPriceFromQuotes("long", Number.NaN, null);
    expect(both.ok === false && both.reasons.map((r) => r.code)).toEqual(["missing-bid", "missing-ask"]);
  });

  it("refuses crossed quotes, a zero ask and selling into a zero bid", () => {
    expect(fillPriceFromQuotes("short", 1.6, 1.5)).toMatchObject({
      ok: false,
      reasons: [{ code: "crossed-quote" }],
    });
    expect(fillPriceFromQuotes("long", 0, 0)).toMatchObject({ ok: false, reasons: [{ code: "zero-ask" }] });
    expect(fillPriceFromQuotes("short", 0, 0.05)).toMatchObject({
      ok: false,
      reasons: [{ code: "zero-bid-short" }],
    });
    expect(fillPriceFromQuotes("long", 0, 0.05)).toEqual({ ok: true, price: 0.025, notes: [] });
  });

  it("refuses stale quotes, TA hints and spreads wider than the limits, all at once", () => {
    const r = fillPriceFromQuotes("short", 1.0, 3.0, {
      maxSpreadWidth: 1,
      maxAgeMs: 5_000,
      quoteTime: 0,
      now: 6_000,
      source: "ta-hint",
    });
    expect(r.ok === false && r.reasons.map((x) => x.code).sort()).toEqual([
      "spread-too-wide",
      "stale-quote",
      "ta-hint-price",
    ]);
    expect(fillPriceFromQuotes("short", 1.0, 1.5, { maxSpreadPctOfMid: 0.3 })).toMatchObject({
      ok: false,
      reasons: [{ code: "spread-too-wide" }],
    });
    expect(fillPriceFromQuotes("short", 1.0, 1.5, { maxAgeMs: 5_000, quoteTime: 1_000, now: 6_000 }).ok).toBe(
      true,
    );
  });
});

describe("fillSpread", () => {
  const put = [
    { side: "short" as const, ratio: 1, bid: 8.1, ask: 8.4, quoteTime: 0, label: ".SPXW P5700" },
    { side: "long" as const, ratio: 1, bid: 6.7, ask: 6.9, quoteTime: 0, label: ".SPXW P5650" },
  ];
  it("nets per-leg mid fills and rounds to the root's tick", () => {
    const r = fillSpread(put, SPX_TICKS);
    expect(r.ok && r.rawNet).toBeCloseTo(1.45, 10);
    expect(r.ok && r.net).toBe(1.45);
  });
  it("conservative credit rounds down to the tick and is below the mid credit", () => {
    const r = fillSpread(put, SPX_TICKS, { model: "conservative" });
    // short 8.1 + 0.09 = 8.19; long 6.9 - 0.06 = 6.84; raw 1.35
    expect(r.ok && r.rawNet).toBeCloseTo(1.35, 10);
    expect(r.ok && r.net).toBe(1.35);
    const odd = fillSpread([{ ...put[0]!, bid: 8.12 }, put[1]!], SPX_TICKS, { model: "conservative" });
    expect(odd.ok && odd.net).toBe(1.35);
  });
  it("uses the 0.10 tick above 3.00", () => {
    const r = fillSpread(
      [
        { side: "short", ratio: 1, bid: 12.0, ask: 12.4, label: "s" },
        { side: "long", ratio: 1, bid: 8.0, ask: 8.2, label: "l" },
      ],
      SPX_TICKS,
    );
    expect(r.ok && r.net).toBe(4.1);
  });
  it("refuses the whole spread when any leg is refused, naming the leg", () => {
    const r = fillSpread([put[0]!, { ...put[1]!, ask: undefined }], SPX_TICKS);
    expect(r).toEqual({
      ok: false,
      reasons: [{ leg: ".SPXW P5650", code: "missing-ask", message: "no ask" }],
    });
  });
});
