import { describe, expect, it } from "vitest";
import { blackScholes, MS_PER_YEAR } from "@stratdeck/core/pricing";
import { DEFAULT_FEE_SCHEDULE, orderFees, rankIdeas } from "@stratdeck/core/ledger";
import { generateIdeas, type Idea } from "@stratdeck/core/strategies";
import { configWith, depsFor, NOW, smallMarket } from "./fixtures";

async function ideas(): Promise<Idea[]> {
  const r = await generateIdeas(depsFor(smallMarket(), configWith()));
  expect(r.ideas.length).toBeGreaterThan(0);
  return r.ideas;
}

describe("ideas a professional can judge", () => {
  it("fees, net credit, return on risk, buying-power effect, short strikes in SDs, fill cost vs model", async () => {
    for (const i of await ideas()) {
      const legs = i.legs.map((l) => ({ ...l, fillPrice: l.fillPrice! }));
      const open = orderFees(DEFAULT_FEE_SCHEDULE, {
        underlying: i.underlying,
        kind: "open",
        quantity: i.quantity,
        multiplier: i.multiplier,
        legs: legs.map((l) => ({
          action: l.side === "short" ? "sell" : "buy",
          ratio: 1,
          price: l.fillPrice,
        })),
        at: NOW,
      });
      const close = orderFees(DEFAULT_FEE_SCHEDULE, {
        underlying: i.underlying,
        kind: "close",
        quantity: i.quantity,
        multiplier: i.multiplier,
        legs: legs.map((l) => ({
          action: l.side === "short" ? "buy" : "sell",
          ratio: 1,
          price: l.fillPrice,
        })),
        at: NOW,
      });
      expect(i.feesCents).toBe(open.totalCents + close.totalCents);
      expect(i.netCreditCents).toBe(i.maxProfitCents * i.quantity - i.feesCents!);
      expect(i.buyingPowerEffectCents).toBe(i.maxLossCents * i.quantity);
      expect(i.returnOnRisk).toBeCloseTo(i.netCreditCents! / i.buyingPowerEffectCents!, 6);
      // Short strikes: out of the money, so a put sits below spot (negative SDs), a call above.
      const shorts = i.legs.filter((l) => l.side === "short");
      expect(i.shortStrikeSd).toHaveLength(shorts.length);
      const years = (Date.parse(`${i.expiration}T21:00:00Z`) - NOW) / MS_PER_YEAR;
      for (const s of i.shortStrikeSd!) {
        const leg = shorts.find((l) => l.strike === s.strike)!;
        expect(Math.sign(s.sd)).toBe(s.optionType === "P" ? -1 : 1);
        expect(s.sd).toBeCloseTo(Math.log(s.strike / i.underlyingPrice) / (leg.iv! * Math.sqrt(years)), 1);
      }
      // EV under the model: the legs' Black-Scholes fair value against the fill, less fees.
      const fair = i.legs.reduce((sum, l) => {
        const p = blackScholes({
          right: l.optionType,
          spot: i.underlyingPrice,
          strike: l.strike,
          years,
          vol: l.iv!,
          rate: 0.04,
          dividendYield: 0.013,
        }).price;
        return sum + (l.side === "short" ? p : -p);
      }, 0);
      expect(i.fairValue).toBeCloseTo(fair, 1);
      // Fill cost vs model: the fill against that fair value, no fees, negative by construction
      // (shorts sold under their model value, longs bought over it).
      const cost = Math.floor((i.credit - i.fairValue!) * 100 * 100 + 1e-9) * i.quantity;
      expect(Math.abs(i.fillCostCents! - cost)).toBeLessThanOrEqual(i.quantity);
      expect(i.fillCostCents).toBeLessThan(0);
      expect(i).not.toHaveProperty("expectedValueCents");
      // Real-world figures under the stated premium (strategies.yaml default 4 points).
      expect(i.realWorld?.volRiskPremium).toBe(0.04);
      expect(i.realWorld?.basis).toContain("IV at the breakeven − 4.0 points");
    }
  });

  it("quote age is per quote, from its receipt: a quote that arrived 10.9 s into the scan is not 0 ms old", async () => {
    const market = smallMarket();
    // Quotes observed 10.9 s after the scan started and received 2.5 s after that.
    const late = {
      ...market,
      getUnderlyingPrice: market.getUnderlyingPrice.bind(market),
      getChain: market.getChain.bind(market),
      getMetrics: market.getMetrics.bind(market),
      getQuotes: async (symbols: readonly string[]) => {
        const got = await market.getQuotes(symbols);
        return new Map([...got].map(([k, q]) => [k, { ...q, asOf: NOW + 10_900, ageMs: 2_500 }]));
      },
    };
    const r = await generateIdeas(depsFor(late, configWith()));
    expect(r.ideas.length).toBeGreaterThan(0);
    for (const i of r.ideas) for (const l of i.legs) expect(l.quoteAgeMs).toBe(2_500);
  });

  it("a skipped idea's reason names the filter that failed, not a TA hint", () => {
    const idea = {
      id: "x",
      verdict: "advisory",
      tradable: false,
      reasons: ["min_pop: pop 0.61 < 0.65"],
      underlyingSource: "stream",
      score: 1,
    } as unknown as Idea;
    const skipped: string[] = [];
    rankIdeas([idea], (_i, reasons) => skipped.push(...reasons.map((r) => r.message)));
    expect(skipped).toEqual(["verdict advisory: min_pop: pop 0.61 < 0.65"]);
    expect(skipped.join()).not.toMatch(/TA hint/);
  });
});
