import { describe, expect, it } from "vitest";
import { generateIdeas, IdeasRequestError, IdeasReportSchema } from "@stratdeck/core/strategies";
import { configWith, depsFor, NOW, recordingLog, smallMarket } from "./fixtures";

const PUT = "short_put_spread_index_45d";

async function scan(market = smallMarket(), patch: Record<string, unknown> = {}, strategy = PUT) {
  const log = recordingLog();
  const r = await generateIdeas(depsFor(market, configWith(patch), false, log), { strategy });
  IdeasReportSchema.parse(JSON.parse(JSON.stringify(r)));
  return { r, log };
}

describe("candidates that cannot be built are reported with reasons", () => {
  it("no expiration in the DTE window", async () => {
    const { r, log } = await scan(smallMarket(), { defaults: { dte: { target: 100, min: 90, max: 120 } } });
    expect(r.ideas).toEqual([]);
    expect(r.unbuilt).toEqual([
      {
        strategy: PUT,
        underlying: "SPX",
        verdict: "unbuildable",
        stage: "expiration",
        reasons: ["no expiration with 90-120 DTE (nearest: 2026-04-17, 46 DTE)"],
      },
    ]);
    expect(r.summary.unbuiltStages).toEqual({ expiration: 1 });
    expect(log.lines.some((l) => l.event === "strategies.unbuilt")).toBe(true);
  });

  it("no strike near the target delta", async () => {
    const { r } = await scan(smallMarket(), {
      strategies: { short_put_spread_index_45d: { short_delta: { target: 0.3, min: 0.28, max: 0.32 } } },
    });
    expect(r.unbuilt[0]).toMatchObject({ stage: "strike", root: "SPXW", expiration: "2026-04-16", dte: 45 });
    expect(r.unbuilt[0]!.reasons[0]).toMatch(
      /^no put with \|delta\| in \[0\.28, 0\.32\]: nearest 5725 at \|delta\| 0\.214$/,
    );
  });

  it("no wing strike `width` points out", async () => {
    const { r } = await scan(smallMarket(), { defaults: { width: { SPX: 30 } } });
    expect(r.unbuilt[0]).toMatchObject({ stage: "strike" });
    expect(r.unbuilt[0]!.reasons).toContain("short 5700P: no put strike at 5670 (width 30)");
  });

  it("missing quotes", async () => {
    const market = smallMarket();
    for (const s of [...market.quotes.keys()]) if (s.startsWith(".SPXW260416P")) market.quotes.delete(s);
    const { r } = await scan(market);
    expect(r.unbuilt[0]).toMatchObject({ stage: "quotes" });
    expect(r.unbuilt[0]!.reasons[0]).toMatch(
      /^no usable put quotes for strikes 5650-6300 \(none of 7 quoted\)$/,
    );
  });

  it("a wing without a quote falls back to the next-best short", async () => {
    const market = smallMarket();
    market.quotes.delete(".SPXW260416P5675");
    const { r } = await scan(market);
    expect(r.ideas[0]!.legs.map((l) => l.strike)).toEqual([5725, 5700]);
  });

  it("refused fill: stale quotes", async () => {
    const market = smallMarket();
    for (const [s, q] of market.quotes) market.quotes.set(s, { ...q, asOf: NOW - 60_000, ageMs: 60_000 });
    const { r } = await scan(market);
    expect(r.unbuilt[0]).toMatchObject({ stage: "fill" });
    expect(r.unbuilt[0]!.reasons).toContain(".SPXW260416P5700: quote age 60000ms > max 25000ms");
  });

  it("refused fill: a bid/ask spread wider than fill.max_spread_width", async () => {
    const { r } = await scan(smallMarket(), { fill: { max_spread_width: 0.5 } });
    expect(r.unbuilt[0]).toMatchObject({ stage: "fill" });
    expect(r.unbuilt[0]!.reasons.some((x) => /spread 1\.\d\d > max 0\.5/.test(x))).toBe(true);
  });

  it("no underlying price, or no chain", async () => {
    const noPrice = smallMarket();
    noPrice.prices.delete("SPX");
    expect((await scan(noPrice)).r.unbuilt[0]).toMatchObject({ stage: "underlying_price" });
    const noChain = smallMarket();
    noChain.chains.delete("SPX");
    const { r } = await scan(noChain);
    expect(r.unbuilt[0]).toMatchObject({
      stage: "chain",
      reasons: ["option chain unavailable: fixture: no chain for SPX"],
    });
  });

  it("an idea on a TA-hint underlying price is advisory and never tradable", async () => {
    const { r } = await scan(smallMarket({ priceSource: "ta-hint" }));
    const i = r.ideas[0]!;
    expect(i).toMatchObject({ verdict: "advisory", tradable: false, underlyingSource: "ta-hint" });
    expect(i.reasons.join()).toMatch(/^underlying_price: underlying price from ta-hint/);
    expect(i.score).toBeCloseTo(i.creditPerWidth * i.pop * 0.5, 6);
    expect(r.summary.tradable).toBe(0);
  });

  it("every candidate is accounted for across strategies and underlyings", async () => {
    const market = smallMarket();
    const patch = {
      defaults: { underlyings: ["SPX", "RUT"], dte: { min: 40 } },
      strategies: { iron_condor_index_30d: { dte: { min: 21 } } },
    };
    const r = await generateIdeas(depsFor(market, configWith(patch)));
    expect(r.considered).toBe(6);
    expect(r.ideas.length + r.rejected.length + r.unbuilt.length).toBe(6);
    expect(r.unbuilt.map((u) => [u.strategy, u.underlying, u.stage])).toEqual([
      ["iron_condor_index_30d", "RUT", "underlying_price"],
      ["short_call_spread_index_45d", "RUT", "underlying_price"],
      ["short_put_spread_index_45d", "RUT", "underlying_price"],
    ]);
  });

  it("refuses an unknown or unlisted strategy and an unknown underlying", async () => {
    const deps = depsFor(smallMarket(), configWith());
    await expect(generateIdeas(deps, { strategy: "straddle" })).rejects.toThrow(IdeasRequestError);
    await expect(generateIdeas(deps, { underlyings: ["SPY"] })).rejects.toThrow(/unknown underlying "SPY"/);
    const text = configWith({ strategies: { iron_condor_index_30d: { enabled: false } } });
    const r = await generateIdeas(depsFor(smallMarket(), text));
    expect(r.considered).toBe(2);
    expect(
      (await generateIdeas(depsFor(smallMarket(), text), { strategy: "iron_condor_index_30d" })).ideas,
    ).toHaveLength(1);
  });
});
