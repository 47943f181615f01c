import { describe, expect, it } from "vitest";
import { generateIdeas, parseStrategiesYaml } from "@stratdeck/core/strategies";
import {
  addSyntheticUnderlying,
  evenStrikes,
  FixtureMarketDataProvider,
  spxLikeRoots,
} from "@stratdeck/sim/fixture-market";
import { nyDate } from "@stratdeck/core/time";
import { DEFAULT_YAML, depsFor, NOW } from "./fixtures";

function spxSize(over: { ivIndex?: number; greeks?: boolean } = {}) {
  const p = new FixtureMarketDataProvider();
  const roots = spxLikeRoots(nyDate(NOW), 44);
  addSyntheticUnderlying(p, {
    underlying: "SPX",
    spot: 6000,
    now: NOW,
    roots,
    strikes: evenStrikes(6000, 250, 5),
    ivRank: 0.35,
    ivIndex: over.ivIndex ?? 0.16,
    ...(over.greeks === false ? { greeks: false } : {}),
  });
  const contracts = roots.reduce((n, r) => n + r.dates.length, 0) * 250 * 2;
  return { p, contracts };
}

const config = parseStrategiesYaml(
  DEFAULT_YAML.replace("underlyings: [SPX, XSP, RUT, NDX]", "underlyings: [SPX]"),
);

describe("a full SPX-size chain (>= 20,000 contracts)", () => {
  for (const [label, over] of [
    ["quotes with greeks", {}],
    ["quotes without greeks (delta from the mid's IV)", { greeks: false }],
    ["a badly wrong IV-index guess (window re-aimed)", { ivIndex: 0.6 }],
  ] as const) {
    it(`builds all three strategies near their target deltas, quoting only a window: ${label}`, async () => {
      const { p, contracts } = spxSize(over);
      expect(contracts).toBeGreaterThanOrEqual(20_000);
      const r = await generateIdeas(depsFor(p, config));
      expect(r.unbuilt).toEqual([]);
      expect(r.ideas.map((i) => i.strategy).sort()).toEqual([
        "iron_condor_index_30d",
        "short_call_spread_index_45d",
        "short_put_spread_index_45d",
      ]);
      for (const i of r.ideas) {
        const rules = config.strategies[i.strategy]!;
        expect(Math.abs(i.dte - rules.dte.target)).toBeLessThanOrEqual(1);
        for (const l of i.legs.filter((x) => x.side === "short"))
          expect(Math.abs(Math.abs(l.delta!) - rules.shortDelta.target)).toBeLessThan(0.01);
        expect(i.width).toBe(25);
        expect(i.pop).toBeGreaterThan(0.5);
        expect(i.pop).toBeLessThan(1);
      }
      const asked = p.quoteRequests.reduce((n, q) => n + q.length, 0);
      expect(asked).toBeLessThan(contracts * 0.05);
    });
  }
});
