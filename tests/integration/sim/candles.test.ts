import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "@stratdeck/sim";
import { FakeClock } from "@stratdeck/core/time";
import { RawDxlink, rows, sleep } from "./raw-dxlink";

const FIELDS = ["eventSymbol", "eventFlags", "time", "open", "high", "low", "close"];
let sim: RunningSimulator;
let clock: FakeClock;

beforeAll(async () => {
  clock = new FakeClock("2026-03-10T15:02:30Z");
  sim = await startSimulator({ clock, publishIntervalMs: 30 });
});
afterAll(async () => {
  await sim.stop();
});

describe("Candle events", () => {
  it("sends history from fromTime (newest first, snapshot flags), then live updates of the last candle", async () => {
    const c = await RawDxlink.open(sim.dxlinkUrl);
    await c.authorize(sim.issueQuoteToken().token);
    await c.openFeed(1, { acceptEventFields: { Candle: FIELDS } });
    const fromTime = Date.parse("2026-03-10T14:00:00Z");
    c.send({
      type: "FEED_SUBSCRIPTION",
      channel: 1,
      add: [{ type: "Candle", symbol: "SPX{=5m}", fromTime }],
    });
    const first = await c.waitFor((f) => f.type === "FEED_DATA");
    const history = rows(first, FIELDS.length);
    expect(history).toHaveLength(13);
    expect(history.map((r) => r[2])).toEqual(
      Array.from({ length: 13 }, (_, i) => Date.parse("2026-03-10T15:00:00Z") - i * 300_000),
    );
    expect(history[0]?.[1]).toBe(4);
    expect(history[12]?.[1]).toBe(8);
    for (const [, , , open, high, low, close] of history as number[][]) {
      expect(high).toBeGreaterThanOrEqual(Math.max(open ?? 0, close ?? 0));
      expect(low).toBeLessThanOrEqual(Math.min(open ?? 0, close ?? 0));
    }
    expect(history[0]?.[6]).toBeCloseTo(sim.market.spot("SPX"), 6);

    clock.advance(60_000);
    const live = await c.waitFor((f) => f.type === "FEED_DATA", 1000, c.frames.indexOf(first) + 1);
    const [row] = rows(live, FIELDS.length);
    expect(row?.[1]).toBe(0);
    expect(row?.[2]).toBe(Date.parse("2026-03-10T15:00:00Z"));
    expect(row?.[6]).toBeCloseTo(sim.market.spot("SPX"), 6);

    const mark = c.frames.length;
    clock.advance(180_000);
    await c.waitFor((f) => f.type === "FEED_DATA", 1000, mark);
    await sleep(60);
    const times = c.frames
      .slice(mark)
      .filter((f) => f.type === "FEED_DATA")
      .flatMap((f) => rows(f, FIELDS.length).map((r) => r[2]));
    expect(times).toContain(Date.parse("2026-03-10T15:00:00Z"));
    expect(times).toContain(Date.parse("2026-03-10T15:05:00Z"));
    c.close();
  });

  it("buckets daily candles on New York dates and serves option candles", async () => {
    const c = await RawDxlink.open(sim.dxlinkUrl);
    await c.authorize(sim.issueQuoteToken().token);
    await c.openFeed(1, { acceptEventFields: { Candle: FIELDS } });
    const fromTime = Date.parse("2026-03-01T00:00:00Z");
    c.send({
      type: "FEED_SUBSCRIPTION",
      channel: 1,
      add: [
        { type: "Candle", symbol: "RUT{=1d}", fromTime },
        {
          type: "Candle",
          symbol: ".SPXW260417P5800{=1h,tho=true}",
          fromTime: Date.parse("2026-03-10T13:00:00Z"),
        },
      ],
    });
    await c.waitFor((f) => f.type === "FEED_DATA");
    const all = c.data(1, "Candle").flatMap((f) => rows(f, FIELDS.length));
    const daily = all.filter((r) => r[0] === "RUT{=1d}");
    expect(daily[0]?.[2]).toBe(Date.parse("2026-03-10T04:00:00Z"));
    expect(daily.at(-1)?.[2]).toBe(Date.parse("2026-02-28T05:00:00Z"));
    const hourly = all.filter((r) => String(r[0]).startsWith(".SPXW"));
    expect(hourly.length).toBeGreaterThanOrEqual(3);
    expect(hourly[0]?.[6]).toBeCloseTo(sim.market.optionQuote(".SPXW260417P5800")?.mid ?? 0, 6);
    c.close();
  });
});

describe("aggregation period", () => {
  it("publishes changes no more often than the accepted aggregation period", async () => {
    const real = await startSimulator({ publishIntervalMs: 20 });
    try {
      const c = await RawDxlink.open(real.dxlinkUrl);
      await c.authorize(real.issueQuoteToken().token);
      await c.openFeed(1, { acceptAggregationPeriod: 0.3 });
      const config = c.frames.find((f) => f.type === "FEED_CONFIG");
      expect(config?.aggregationPeriod).toBe(0.3);
      c.send({ type: "FEED_SUBSCRIPTION", channel: 1, add: [{ type: "Trade", symbol: "SPX" }] });
      await c.waitFor((f) => f.type === "FEED_DATA");
      const stamps: number[] = [];
      const start = performance.now();
      let seen = c.data(1, "Trade").length;
      while (performance.now() - start < 1000) {
        real.market.move("SPX", 0.0001);
        const n = c.data(1, "Trade").length;
        if (n > seen) stamps.push(performance.now());
        seen = n;
        await sleep(10);
      }
      expect(stamps.length).toBeGreaterThanOrEqual(2);
      expect(stamps.length).toBeLessThanOrEqual(4);
      c.close();
    } finally {
      await real.stop();
    }
  });
});
