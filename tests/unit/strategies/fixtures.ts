import { readFileSync } from "node:fs";
import { parse, stringify } from "yaml";
import { memoryLog, silentLog, type Log } from "@stratdeck/core/log";
import {
  deepMerge,
  parseStrategiesYaml,
  type GenerateIdeasDeps,
  type StrategiesConfig,
} from "@stratdeck/core/strategies";
import {
  addSyntheticUnderlying,
  FixtureMarketDataProvider,
  type SyntheticOptions,
} from "@stratdeck/sim/fixture-market";
import { FakeClock, nyWallTimeToUtc } from "@stratdeck/core/time";

/** Monday 2 March 2026, 11:00 New York. */
export const NOW = nyWallTimeToUtc("2026-03-02", 11 * 60);

/** The repository's default strategies.yaml as a JS object. */
export const DEFAULT_YAML = readFileSync(new URL("../../../strategies.yaml", import.meta.url), "utf8");

/**
 * A config for the small fixture chain: the default file with SPX only, wide delta bounds and
 * filters off, deep-merged with `patch` (snake_case, as in the YAML).
 */
export function configWith(patch: Record<string, unknown> = {}): StrategiesConfig {
  const base = deepMerge(parse(DEFAULT_YAML), {
    defaults: {
      underlyings: ["SPX"],
      short_delta: { target: 0.2, min: 0.05, max: 0.4 },
      filters: { min_credit_per_width: null, min_pop: null, min_ivr: null },
    },
    strategies: {
      short_put_spread_index_45d: { short_delta: { target: 0.2, min: 0.05, max: 0.4 } },
      iron_condor_index_30d: {
        short_delta: { target: 0.2, min: 0.05, max: 0.4 },
        filters: { min_pop: null },
      },
    },
  });
  return parseStrategiesYaml(stringify(deepMerge(base, patch)));
}

/** Strikes of the small chain: 4 puts below spot, ATM, 4 calls above (SPX at 6000). */
export const SMALL_STRIKES = [5650, 5675, 5700, 5725, 6000, 6275, 6300, 6325, 6350];

/** A small SPX market: SPXW (PM) on 30 and 45 DTE, SPX (AM) monthly on 46 DTE. */
export function smallMarket(over: Partial<SyntheticOptions> = {}): FixtureMarketDataProvider {
  const p = new FixtureMarketDataProvider();
  addSyntheticUnderlying(p, {
    underlying: "SPX",
    spot: 6000,
    now: NOW,
    roots: [
      { root: "SPXW", settlement: "PM", dates: ["2026-04-01", "2026-04-16"] },
      { root: "SPX", settlement: "AM", dates: ["2026-04-17"] },
    ],
    strikes: SMALL_STRIKES,
    atmVol: 0.16,
    skew: 0.6,
    ivRank: 0.4,
    ivIndex: 0.16,
    ...over,
  });
  return p;
}

/** Deps for generateIdeas over a provider. */
export function depsFor(
  provider: FixtureMarketDataProvider,
  strategies: StrategiesConfig,
  strictFilters = false,
  log: Log = silentLog,
): GenerateIdeasDeps {
  return { provider, clock: new FakeClock(NOW), log, strategies, config: { strictFilters } };
}

/** A Log that records every line. */
export const recordingLog = memoryLog;
