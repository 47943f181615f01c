import { describe, expect, it } from "vitest";
import { silentLog } from "@stratdeck/core/log";
import {
  markPosition,
  markPositions,
  MemoryPaperOrderStore,
  pnlCents,
  spreadProfile,
} from "@stratdeck/core/ledger";
import { FakeClock } from "@stratdeck/core/time";
import { FakeMarket, LONG, putSpread, seed, SHORT, T0 } from "./fake-market";
import { testSettings } from "../../support/paper-settings";

const mid = testSettings({ fill: { model: "mid" } });

describe("payoff", () => {
  it("profiles a put spread, a call spread and an iron condor", () => {
    expect(
      spreadProfile(
        [
          { side: "short", optionType: "P", strike: 5700, ratio: 1 },
          { side: "long", optionType: "P", strike: 5675, ratio: 1 },
        ],
        1.45,
      ),
    ).toEqual({ width: 25, maxProfit: 1.45, maxLoss: 23.55, breakevens: [5698.55] });
    expect(
      spreadProfile(
        [
          { side: "short", optionType: "C", strike: 6200, ratio: 1 },
          { side: "long", optionType: "C", strike: 6225, ratio: 1 },
        ],
        1.2,
      ),
    ).toMatchObject({ width: 25, maxLoss: 23.8, breakevens: [6201.2] });
    const ic = spreadProfile(
      [
        { side: "long", optionType: "P", strike: 5650, ratio: 1 },
        { side: "short", optionType: "P", strike: 5700, ratio: 1 },
        { side: "short", optionType: "C", strike: 6300, ratio: 1 },
        { side: "long", optionType: "C", strike: 6325, ratio: 1 },
      ],
      3.1,
    );
    expect(ic.width).toBe(50);
    expect(ic.maxProfit).toBeCloseTo(3.1, 9);
    expect(ic.maxLoss).toBeCloseTo(46.9, 9);
    expect(ic.breakevens).toEqual([5696.9, 6303.1]);
  });

  it("P&L of a known entry credit closed at the chain mid", () => {
    const clock = new FakeClock(T0);
    const market = new FakeMarket(clock).spot("SPX", 6100).quote(SHORT, 0.6, 0.7).quote(LONG, 0.35, 0.45);
    const mark = markPosition(putSpread(1.45), {
      quotes: market.quotes,
      underlying: market.underlyings.get("SPX"),
      now: T0,
      fill: mid.fill,
      fees: mid.fees,
    });
    expect(mark).toMatchObject({ status: "priced", debitToClose: 0.25, pnlCents: 12_000 });
    expect(mark.status === "priced" && mark.pctOfMaxProfit).toBeCloseTo(12_000 / 14_500, 9);
    expect(pnlCents(1.45, 0.25, 100, 3)).toBe(36_000);
  });
});

describe("markPositions", () => {
  it("reports P&L, % of max profit, DTE, breakevens, distance to the shorts and quote ages", async () => {
    const clock = new FakeClock(T0);
    const orders = new MemoryPaperOrderStore();
    await seed(orders, 1.45);
    const provider = new FakeMarket(clock)
      .spot("SPX", 6000)
      .quote(SHORT, 4.0, 4.2, 1500)
      .quote(LONG, 3.0, 3.1, 500);
    const report = await markPositions({ clock, log: silentLog, orders, provider }, { settings: mid });
    const [m] = report.positions;
    expect(m).toMatchObject({
      status: "priced",
      debitToClose: 1.05,
      pnlCents: 4_000,
      dte: 44,
      breakevens: [5698.55],
      underlyingPrice: 6000,
      oldestQuoteAgeMs: 1500,
      shortStrikes: [{ optionType: "P", strike: 5700, points: 300, pct: 0.05 }],
    });
    expect(m?.legs.map((l) => l.quoteAgeMs)).toEqual([1500, 500]);
    expect(m?.status === "priced" && m.pctOfMaxProfit).toBeCloseTo(4_000 / 14_500, 9);
    expect(report).toMatchObject({ totalPnlCents: 4_000, unpriced: 0 });
  });

  it("reports a position with a missing or stale quote as unpriced, with the reason", async () => {
    const clock = new FakeClock(T0);
    const market = new FakeMarket(clock).spot("SPX", 6000).quote(SHORT, 4.0, 4.2);
    const ctx = { underlying: market.underlyings.get("SPX"), now: T0, fill: mid.fill, fees: mid.fees };
    const missing = markPosition(putSpread(), { ...ctx, quotes: market.quotes });
    expect(missing).toMatchObject({ status: "unpriced", reason: `no quote for ${LONG}` });
    expect(missing).not.toHaveProperty("pnlCents");
    market.quote(LONG, 3.0, 3.1, 26_000);
    const stale = markPosition(putSpread(), { ...ctx, quotes: market.quotes });
    expect(stale).toMatchObject({ status: "unpriced", reasons: [{ code: "stale-quote", leg: LONG }] });
  });

  it("values a long wing with a zero bid at 0 instead of refusing the close", () => {
    const clock = new FakeClock(T0);
    const market = new FakeMarket(clock).quote(SHORT, 0.05, 0.1).quote(LONG, 0, 0.05);
    const mark = markPosition(putSpread(), {
      quotes: market.quotes,
      underlying: undefined,
      now: T0,
      fill: mid.fill,
      fees: mid.fees,
    });
    expect(mark).toMatchObject({
      status: "priced",
      debitToClose: 0.1,
      underlyingPrice: null,
      shortStrikes: [],
    });
  });
});
