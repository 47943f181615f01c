import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLog } from "@stratdeck/core/log";
import { MemorySnapshotStore } from "@stratdeck/core/market-data";
import { startSimulator, type RunningSimulator } from "@stratdeck/sim";
import {
  generateIdeas,
  IdeasReportSchema,
  parseStrategiesYaml,
  type GenerateIdeasDeps,
  type StrategiesConfig,
} from "@stratdeck/core/strategies";
import { MemoryCooldownStore, TastyMarketDataProvider, TastyRestClient } from "@stratdeck/core/tasty";
import { FakeClock } from "@stratdeck/core/time";
import { DEFAULT_YAML } from "../../unit/strategies/fixtures";

// A Tuesday, 11:00 New York: market open.
const START = "2026-03-10T15:00:00Z";

describe("trade ideas end to end against the simulator (REST through TastyMarketDataProvider)", () => {
  let sim: RunningSimulator;
  let clock: FakeClock;
  let strategies: StrategiesConfig;
  let deps: (strict?: boolean) => GenerateIdeasDeps;

  beforeAll(async () => {
    clock = new FakeClock(START);
    sim = await startSimulator({ clock, seed: 7 });
    sim.market.setWalk(false);
    const rest = new TastyRestClient({
      tasty: { clientSecret: "sim-secret", refreshToken: "sim-refresh", isTest: false, apiUrl: sim.restUrl },
      clock,
      log: silentLog,
      cooldowns: new MemoryCooldownStore(clock),
      cooldownMs: 60_000,
      timeoutMs: 5_000,
    });
    const provider = new TastyMarketDataProvider({
      rest,
      snapshots: new MemorySnapshotStore(clock),
      clock,
      log: silentLog,
    });
    strategies = parseStrategiesYaml(DEFAULT_YAML);
    deps = (strict = false) => ({
      provider,
      clock,
      log: silentLog,
      strategies,
      config: { strictFilters: strict },
    });
  });
  afterAll(async () => {
    await sim?.stop();
  });

  it("scans every strategy over SPX, XSP, RUT and NDX, pricing legs from the simulator's quotes", async () => {
    const spx = await deps().provider.getChain("SPX");
    const contracts = spx.roots.reduce(
      (n, r) => n + r.expirations.reduce((m, e) => m + e.strikes.length * 2, 0),
      0,
    );
    expect(contracts).toBeGreaterThanOrEqual(20_000);

    const r = await generateIdeas(deps());
    IdeasReportSchema.parse(JSON.parse(JSON.stringify(r)));
    expect(r.considered).toBe(12);
    expect(r.unbuilt).toEqual([]);
    expect(r.ideas).toHaveLength(12);
    for (const i of r.ideas) {
      const rules = strategies.strategies[i.strategy]!;
      expect(i.dte).toBeGreaterThanOrEqual(rules.dte.min);
      expect(i.dte).toBeLessThanOrEqual(rules.dte.max);
      expect(i.credit).toBeGreaterThan(0);
      expect(i.width).toBe(rules.width[i.underlying as "SPX"]);
      expect(i.pop).toBeGreaterThan(0);
      expect(i.pop).toBeLessThan(1);
      expect(i.underlyingPrice).toBeCloseTo(sim.market.spot(i.underlying), 6);
      for (const l of i.legs) {
        const q = sim.market.optionQuote(l.streamerSymbol);
        expect(q).not.toBeNull();
        expect([l.bid, l.ask]).toEqual([q!.bid, q!.ask]);
        expect(l.quoteSource).toBe("rest");
        if (l.side === "short") {
          expect(Math.abs(l.delta!)).toBeGreaterThanOrEqual(rules.shortDelta.min);
          expect(Math.abs(l.delta!)).toBeLessThanOrEqual(rules.shortDelta.max);
        }
      }
      if (i.underlying === "SPX") expect(i.root).toBe("SPXW");
    }
    const scores = r.ideas.map((i) => i.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it("strict filters move failing ideas to `rejected` with their reasons", async () => {
    const tight = { ...strategies, strategies: { ...strategies.strategies } };
    for (const k of Object.keys(tight.strategies) as (keyof typeof tight.strategies)[])
      tight.strategies[k] = {
        ...tight.strategies[k]!,
        filters: { minCreditPerWidth: 0.5, minPop: null, minIvr: null },
      };
    const r = await generateIdeas({ ...deps(true), strategies: tight }, { underlyings: ["SPX"] });
    expect(r.ideas).toEqual([]);
    expect(r.rejected).toHaveLength(3);
    for (const i of r.rejected)
      expect(i.reasons[0]).toMatch(/^min_credit_per_width: credit\/width 0\.\d+ < min 0\.5$/);
    expect(r.summary).toMatchObject({ considered: 3, pass: 0, rejected: 3, tradable: 0 });
  });

  it("REST rate-limited (429, then cooldown): candidates are reported unbuilt or advisory, never invented", async () => {
    await generateIdeas(deps(), { underlyings: ["RUT"] }); // chain cached, a last-known price remembered
    sim.faults.rateLimit({ forMs: 120_000 });
    clock.advance(1_000);
    const r = await generateIdeas(deps(), { underlyings: ["RUT"] });
    sim.faults.clear();
    // Every RUT candidate is accounted for: built (never tradable on a rate-limited, TA-hint price)
    // or listed unbuilt with the stage and reason; nothing passes on invented prices.
    expect(IdeasReportSchema.safeParse(r).success).toBe(true);
    expect(r.ideas.length + r.rejected.length + r.unbuilt.length).toBe(r.considered);
    expect(r.considered).toBeGreaterThan(0);
    for (const i of [...r.ideas, ...r.rejected]) {
      expect(i.underlying).toBe("RUT");
      expect(i.tradable).toBe(false);
      expect(i.verdict).not.toBe("pass");
    }
    for (const u of r.unbuilt) {
      expect(u.verdict).toBe("unbuildable");
      expect(u.reasons.length).toBeGreaterThan(0);
    }
    expect(r.summary.tradable).toBe(0);
  });
});
