import { describe, expect, it } from "vitest";
import { MS_PER_YEAR, normCdf } from "@stratdeck/core/pricing";
import { generateIdeas, IdeasReportSchema, type Idea } from "@stratdeck/core/strategies";
import { nyWallTimeToUtc } from "@stratdeck/core/time";
import { configWith, depsFor, NOW, smallMarket } from "./fixtures";

const PM_CLOSE_0416 = nyWallTimeToUtc("2026-04-16", 16 * 60);

async function ideaOf(strategy: string, market = smallMarket(), config = configWith()): Promise<Idea> {
  const r = await generateIdeas(depsFor(market, config), { strategy });
  expect(r.unbuilt).toEqual([]);
  expect(IdeasReportSchema.parse(JSON.parse(JSON.stringify(r)))).toBeTruthy();
  expect(r.ideas).toHaveLength(1);
  return r.ideas[0]!;
}

/** Independent lognormal P(S_T > L) = N(d2) with the model's inputs. */
function pAbove(level: number, vol: number, settlesAt: number): number {
  const T = (settlesAt - NOW) / MS_PER_YEAR;
  return normCdf((Math.log(6000 / level) + (0.04 - 0.013 - (vol * vol) / 2) * T) / (vol * Math.sqrt(T)));
}

/** IV at `be` interpolated between two legs' IVs (the legs bracket the breakeven). */
const ivBetween = (
  a: { strike: number; iv?: number },
  b: { strike: number; iv?: number },
  be: number,
): number => a.iv! + ((b.iv! - a.iv!) * (be - a.strike)) / (b.strike - a.strike);

function expectMoney(i: Idea): void {
  expect(i.credit).toBeGreaterThan(0);
  expect(i.credit).toBeLessThan(i.width);
  const tick = i.credit < 3 ? 0.05 : 0.1;
  expect(Math.abs(i.credit / tick - Math.round(i.credit / tick))).toBeLessThan(1e-9);
  expect(i.creditPerWidth).toBeCloseTo(i.credit / i.width, 6);
  expect(i.maxProfitCents).toBe(Math.round(i.credit * 100 * 100));
  expect(i.maxLossCents).toBe(Math.round((i.width - i.credit) * 100 * 100));
  expect(i.pop).toBeGreaterThan(0);
  expect(i.pop).toBeLessThan(1);
  expect(i.multiplier).toBe(100);
  expect(i.quantity).toBe(1);
  for (const l of i.legs) {
    expect(l.quoteSource).toBe("stream");
    expect(l.bid).toBeLessThanOrEqual(l.ask!);
    expect(l.fillPrice).toBeGreaterThan(0);
    expect(l.occSymbol).toMatch(/^SPXW {2}\d{6}[CP]\d{8}$/);
    expect(l.streamerSymbol).toBe(
      `.SPXW${l.expiration.slice(2).replaceAll("-", "")}${l.optionType}${l.strike}`,
    );
  }
}

describe("strategies on a small fixture chain (4 strikes per side)", () => {
  it("short put spread: sells the put nearest the target delta, buys `width` below, 45 DTE", async () => {
    const i = await ideaOf("short_put_spread_index_45d");
    expect(i).toMatchObject({ root: "SPXW", settlement: "PM", expiration: "2026-04-16", dte: 45, width: 25 });
    expect(i.legs.map((l) => [l.side, l.optionType, l.strike])).toEqual([
      ["short", "P", 5700],
      ["long", "P", 5675],
    ]);
    expect(Math.abs(i.legs[0]!.delta!)).toBeCloseTo(0.198, 3);
    expect(i.legs[0]!.occSymbol).toBe("SPXW  260416P05700000");
    expectMoney(i);
    expect(i.breakevens).toEqual([5700 - i.credit]);
    const be = i.breakevens[0]!;
    expect(i.pop).toBeCloseTo(pAbove(be, ivBetween(i.legs[1]!, i.legs[0]!, be), PM_CLOSE_0416), 5);
    expect(i.underlyingPrice).toBe(6000);
    expect(i.ivRank).toBe(0.4);
  });

  it("short call spread: sells the call nearest the target delta, buys `width` above", async () => {
    const i = await ideaOf("short_call_spread_index_45d");
    expect(i.legs.map((l) => [l.side, l.optionType, l.strike])).toEqual([
      ["short", "C", 6275],
      ["long", "C", 6300],
    ]);
    expectMoney(i);
    const be = i.breakevens[0]!;
    expect(be).toBe(6275 + i.credit);
    expect(i.pop).toBeCloseTo(1 - pAbove(be, ivBetween(i.legs[0]!, i.legs[1]!, be), PM_CLOSE_0416), 5);
  });

  it("iron condor: both verticals on one ~30 DTE expiration, POP between the breakevens", async () => {
    const i = await ideaOf("iron_condor_index_30d");
    expect(i).toMatchObject({ expiration: "2026-04-01", dte: 30, width: 25 });
    expect(i.legs.map((l) => [l.side, l.optionType, l.strike])).toEqual([
      ["short", "P", 5725],
      ["long", "P", 5700],
      ["short", "C", 6275],
      ["long", "C", 6300],
    ]);
    expectMoney(i);
    const [lo, hi] = i.breakevens as [number, number];
    expect(lo).toBeCloseTo(5725 - i.credit, 9);
    expect(hi).toBeCloseTo(6275 + i.credit, 9);
    const close = nyWallTimeToUtc("2026-04-01", 16 * 60);
    const expected =
      pAbove(lo, ivBetween(i.legs[1]!, i.legs[0]!, lo), close) -
      pAbove(hi, ivBetween(i.legs[2]!, i.legs[3]!, hi), close);
    expect(i.pop).toBeCloseTo(expected, 5);
    // max loss: only one side can lose at expiry
    expect(i.maxLossCents).toBe(Math.round((25 - i.credit) * 10_000));
  });

  it("prefers the PM root when SPX and SPXW expire the same day", async () => {
    const market = smallMarket({
      roots: [
        { root: "SPX", settlement: "AM", dates: ["2026-04-17"] },
        { root: "SPXW", settlement: "PM", dates: ["2026-04-17"] },
      ],
    });
    const i = await ideaOf("short_put_spread_index_45d", market);
    expect(i).toMatchObject({ root: "SPXW", settlement: "PM", expiration: "2026-04-17", dte: 46 });
  });

  it("respects AM settlement: the AM root's time runs to the 09:30 open of its expiration day", async () => {
    const market = smallMarket({ roots: [{ root: "SPX", settlement: "AM", dates: ["2026-04-17"] }] });
    const i = await ideaOf("short_put_spread_index_45d", market);
    expect(i).toMatchObject({ root: "SPX", settlement: "AM", dte: 46 });
    const be = i.breakevens[0]!;
    const open = nyWallTimeToUtc("2026-04-17", 9 * 60 + 30);
    expect(i.pop).toBeCloseTo(pAbove(be, ivBetween(i.legs[1]!, i.legs[0]!, be), open), 5);
  });

  it("computes delta from IV when quotes carry no greeks", async () => {
    const i = await ideaOf("short_put_spread_index_45d", smallMarket({ greeks: false }));
    expect(i.legs[0]!.strike).toBe(5700);
    expect(i.legs[0]!.iv).toBeGreaterThan(0.15);
    expect(i.legs[0]!.delta).toBeLessThan(0);
    expectMoney(i);
  });

  it("ranks ideas by score = credit/width × POP, best first", async () => {
    const r = await generateIdeas(depsFor(smallMarket(), configWith()));
    expect(r.ideas.map((i) => i.strategy)).toHaveLength(3);
    for (const i of r.ideas) expect(i.score).toBeCloseTo(i.creditPerWidth * i.pop, 5);
    const scores = r.ideas.map((i) => i.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(r.summary).toMatchObject({
      considered: 3,
      pass: 3,
      advisory: 0,
      rejected: 0,
      unbuilt: 0,
      tradable: 3,
    });
  });
});
