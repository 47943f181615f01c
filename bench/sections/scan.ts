import { silentLog } from "@stratdeck/core/log";
import { generateIdeas, loadStrategiesFile, type StrategiesConfig } from "@stratdeck/core/strategies";
import {
  addSyntheticUnderlying,
  evenStrikes,
  FixtureMarketDataProvider,
  spxLikeRoots,
} from "@stratdeck/sim/fixture-market";
import { FakeClock, nyDate, nyWallTimeToUtc } from "@stratdeck/core/time";
import type { BenchSection } from "../section";

const EXPIRATIONS = 44;
const STRIKES = 250;
const SCANS = 200;

/** An SPX-size market in memory (no I/O is measured): 44 expirations × 250 strikes × 2 rights. */
function spxMarket(now: number): {
  provider: FixtureMarketDataProvider;
  contracts: number;
  expirations: number;
} {
  const provider = new FixtureMarketDataProvider();
  const roots = spxLikeRoots(nyDate(now), EXPIRATIONS);
  addSyntheticUnderlying(provider, {
    underlying: "SPX",
    spot: 6000,
    now,
    roots,
    strikes: evenStrikes(6000, STRIKES, 5),
    ivRank: 0.35,
    ivIndex: 0.16,
  });
  const expirations = roots.reduce((n, r) => n + r.dates.length, 0);
  return { provider, contracts: expirations * STRIKES * 2, expirations };
}

/** `scan`: all three strategies over an SPX-size chain, milliseconds per scan (target < 50 ms). */
export const scanSection: BenchSection = {
  key: "scan",
  title: "Strategy scan (3 strategies, SPX-size chain, in-memory provider)",
  async run() {
    const now = nyWallTimeToUtc("2026-03-02", 11 * 60);
    const { provider, contracts, expirations } = spxMarket(now);
    const file: StrategiesConfig = await loadStrategiesFile(
      new URL("../../strategies.yaml", import.meta.url).pathname,
    );
    const strategies: StrategiesConfig = {
      ...file,
      strategies: Object.fromEntries(
        Object.entries(file.strategies).map(([k, r]) => [k, r && { ...r, underlyings: ["SPX" as const] }]),
      ),
    };
    const deps = {
      provider,
      clock: new FakeClock(now),
      log: silentLog,
      strategies,
      config: { strictFilters: false },
    };
    for (let i = 0; i < 20; i++) await generateIdeas(deps);
    const asked = provider.quoteRequests.length;
    const ideas = (await generateIdeas(deps)).ideas.length;
    const quoted = provider.quoteRequests.slice(asked).reduce((n, r) => n + r.length, 0);
    const started = performance.now();
    for (let i = 0; i < SCANS; i++) await generateIdeas(deps);
    const msPerScan = Number(((performance.now() - started) / SCANS).toFixed(3));
    return {
      json: { contracts, expirations, msPerScan },
      human: [
        `contracts      ${contracts} (${expirations} expirations x ${STRIKES} strikes x 2)`,
        `ms per scan    ${msPerScan} (mean of ${SCANS}; target < 50)`,
        `ideas          ${ideas} (3 strategies, SPX)`,
        `quotes asked   ${quoted} symbols per scan (of ${contracts}: only strikes near the deltas)`,
      ].join("\n"),
    };
  },
};
