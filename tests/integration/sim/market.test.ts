import { describe, expect, it } from "vitest";
import {
  listExpirations,
  occSymbol,
  parseOccSymbol,
  parseStreamerSymbol,
  streamerSymbol,
  SyntheticMarket,
  UNDERLYINGS,
} from "@stratdeck/sim";
import { addDays, FakeClock, nyWallTimeToUtc } from "@stratdeck/core/time";

function rootOf(root: string) {
  const r = UNDERLYINGS.flatMap((u) => u.roots).find((x) => x.root === root);
  if (!r) throw new Error(`no root ${root}`);
  return r;
}

function quotesAfter(seed: number, steps: number): unknown[] {
  const clock = new FakeClock("2026-06-01T14:00:00Z");
  const m = new SyntheticMarket(seed, clock);
  const out: unknown[] = [];
  for (let i = 0; i < steps; i++) {
    clock.advance(37_000);
    out.push(m.spot("SPX"), m.spot("NDX"), m.optionQuote(".SPXW260717P5700"), m.ivRank("RUT"));
  }
  return out;
}

describe("synthetic market", () => {
  it("is deterministic for a seed and a clock, and differs between seeds", () => {
    expect(quotesAfter(42, 20)).toEqual(quotesAfter(42, 20));
    expect(quotesAfter(42, 20)).not.toEqual(quotesAfter(43, 20));
  });

  it("does not depend on which instants were looked at before", () => {
    const a = new SyntheticMarket(9, new FakeClock("2026-06-01T14:00:00Z"));
    const b = new SyntheticMarket(9, new FakeClock("2026-06-01T14:00:00Z"));
    const t = Date.parse("2026-06-03T15:30:12.5Z");
    b.spotAt("SPX", t + 86_400_000);
    b.spotAt("SPX", t - 3_600_000);
    expect(a.spotAt("SPX", t)).toBe(b.spotAt("SPX", t));
  });

  it("starts at realistic levels; XSP is SPX / 10", () => {
    const m = new SyntheticMarket(1, new FakeClock("2026-06-01T14:00:00Z"));
    expect(m.underlyings()).toEqual(["SPX", "XSP", "RUT", "NDX"]);
    expect(m.spot("SPX")).toBeGreaterThan(5800);
    expect(m.spot("SPX")).toBeLessThan(6200);
    expect(m.spot("RUT")).toBeGreaterThan(2300);
    expect(m.spot("NDX")).toBeGreaterThan(20000);
    expect(m.spot("XSP")).toBeCloseTo(m.spot("SPX") / 10, 1);
    for (const u of m.underlyings()) {
      expect(m.ivRank(u)).toBeGreaterThanOrEqual(0);
      expect(m.ivRank(u)).toBeLessThanOrEqual(1);
    }
  });

  it("pins, moves and freezes the walk", () => {
    const clock = new FakeClock("2026-06-01T14:00:00Z");
    const m = new SyntheticMarket(1, clock);
    m.setWalk(false);
    m.setSpot("SPX", 6000);
    clock.advance(3_600_000);
    expect(m.spot("SPX")).toBe(6000);
    const rankBefore = m.ivRank("SPX");
    m.move("SPX", -0.05);
    expect(m.spot("SPX")).toBe(5700);
    expect(m.ivRank("SPX")).toBeGreaterThan(rankBefore);
    m.setSpot("XSP", 590);
    expect(m.spot("SPX")).toBe(5900);
    m.setWalk(true);
    clock.advance(3_600_000);
    expect(m.spot("SPX")).not.toBe(5900);
    expect(Math.abs(m.spot("SPX") / 5900 - 1)).toBeLessThan(0.03);
  });

  it("prices options on a skew with tick-sized quotes and consistent greeks", () => {
    const clock = new FakeClock("2026-06-01T14:00:00Z");
    const m = new SyntheticMarket(1, clock);
    m.setWalk(false);
    m.setSpot("SPX", 6000);
    const q = (k: number, r: "C" | "P") => m.optionQuote(`.SPXW260701${r}${k}`);
    const p5500 = q(5500, "P");
    const p6000 = q(6000, "P");
    const c6000 = q(6000, "C");
    const c6500 = q(6500, "C");
    expect(p5500?.iv).toBeGreaterThan(p6000?.iv ?? 1);
    expect(p6000?.iv).toBeGreaterThan(c6500?.iv ?? 1);
    expect(p6000?.delta).toBeLessThan(0);
    expect(c6000?.delta).toBeGreaterThan(0.45);
    expect((c6000?.delta ?? 0) - (p6000?.delta ?? 0)).toBeCloseTo(1, 1);
    for (let k = 4000; k <= 7000; k += 25) {
      for (const r of ["C", "P"] as const) {
        const x = q(k, r);
        if (!x) throw new Error("no quote");
        expect(x.ask).toBeGreaterThan(x.bid);
        expect(x.bid).toBeLessThanOrEqual(x.theo);
        expect(x.ask).toBeGreaterThanOrEqual(x.theo);
        for (const p of [x.bid, x.ask]) {
          const tick = p < 3 ? 0.05 : 0.1;
          expect(Math.abs(p / tick - Math.round(p / tick))).toBeLessThan(1e-6);
        }
      }
    }
    const far = q(4000, "P");
    const atm = q(6000, "P");
    expect((far?.ask ?? 0) - (far?.bid ?? 0)).toBeLessThan((atm?.ask ?? 0) - (atm?.bid ?? 0));
    const xsp = m.optionQuote(".XSP260701P560");
    expect(xsp && Math.abs((xsp.bid * 100) % 1)).toBeLessThan(1e-6);
  });

  it("returns null for unknown roots and expired dates", () => {
    const m = new SyntheticMarket(1, new FakeClock("2026-06-01T14:00:00Z"));
    expect(m.optionQuote(".QQQ260701P500")).toBeNull();
    expect(m.optionQuote(".SPXW260529P5800")).toBeNull();
    expect(m.optionQuote("garbage")).toBeNull();
  });
});

describe("expirations", () => {
  it("always lists SPXW expirations near 30 and 45 DTE (within 4 days), every day for 400 days", () => {
    const spxw = rootOf("SPXW");
    let date = "2026-01-01";
    for (let i = 0; i < 400; i++) {
      const now = nyWallTimeToUtc(date, 10 * 60);
      const dtes = listExpirations(spxw, date, now).map((e) =>
        Math.round((Date.parse(e.date) - Date.parse(date)) / 86_400_000),
      );
      for (const target of [30, 45])
        expect(Math.min(...dtes.map((d) => Math.abs(d - target)))).toBeLessThanOrEqual(4);
      date = addDays(date, 1);
    }
  });

  it("lists 10 trading-day dailies, then Friday weeklies, PM; AM monthlies on the third Friday (Thursday on a holiday)", () => {
    const now = nyWallTimeToUtc("2025-04-01", 10 * 60);
    const spxw = listExpirations(rootOf("SPXW"), "2025-04-01", now);
    expect(spxw.slice(0, 10).map((e) => e.date)).toEqual([
      "2025-04-01",
      "2025-04-02",
      "2025-04-03",
      "2025-04-04",
      "2025-04-07",
      "2025-04-08",
      "2025-04-09",
      "2025-04-10",
      "2025-04-11",
      "2025-04-14",
    ]);
    expect(spxw.map((e) => e.date)).toContain("2025-04-17");
    expect(spxw.every((e) => e.settlement === "PM" && e.expirationType === "Weekly")).toBe(true);
    expect(String(spxw.at(-1)?.date) <= "2025-07-30").toBe(true);
    const spx = listExpirations(rootOf("SPX"), "2025-04-01", now);
    expect(spx[0]).toMatchObject({ date: "2025-04-17", settlement: "AM", expirationType: "Regular" });
    expect(spx[1]?.date).toBe("2025-05-16");
    expect(spx.length).toBeGreaterThanOrEqual(12);
    expect(new Date(spx[0]?.expiresAt ?? 0).toISOString()).toBe("2025-04-17T13:30:00.000Z");
  });

  it("drops today's PM expiration after the close", () => {
    const spxw = rootOf("SPXW");
    expect(listExpirations(spxw, "2026-06-01", nyWallTimeToUtc("2026-06-01", 15 * 60))[0]?.date).toBe(
      "2026-06-01",
    );
    expect(listExpirations(spxw, "2026-06-01", nyWallTimeToUtc("2026-06-01", 16 * 60 + 1))[0]?.date).toBe(
      "2026-06-02",
    );
  });
});

describe("symbols", () => {
  it("round-trips OCC and streamer symbols", () => {
    const id = { root: "SPXW", date: "2025-12-19", right: "P" as const, strike: 5800 };
    expect(occSymbol(id)).toBe("SPXW  251219P05800000");
    expect(streamerSymbol(id)).toBe(".SPXW251219P5800");
    expect(parseOccSymbol("SPXW  251219P05800000")).toEqual(id);
    expect(parseStreamerSymbol(".SPXW251219P5800")).toEqual(id);
    const half = { root: "XSP", date: "2026-01-02", right: "C" as const, strike: 597.5 };
    expect(occSymbol(half)).toBe("XSP   260102C00597500");
    expect(streamerSymbol(half)).toBe(".XSP260102C597.5");
    expect(parseStreamerSymbol(".XSP260102C597.5")).toEqual(half);
    expect(parseStreamerSymbol("SPX")).toBeUndefined();
  });
});
