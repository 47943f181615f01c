import type { AppConfig } from "../config/app-config";
import type { Log } from "../log/log";
import type { MarketDataProvider } from "../market-data/market-data-provider";
import type { Clock } from "../time/clock";
import { nyDate } from "../time/new-york";
import type { StrategiesConfig, StrategyRules } from "./config-types";
import type { Idea } from "./idea";
import type { IdeasReport, IdeasSummary, UnbuiltCandidate } from "./ideas-report";
import { INDEX_UNDERLYINGS, isStrategyName, type IndexUnderlying } from "./names";
import { buildCandidate, loadUnderlying } from "./scan-underlying";

/** What {@link generateIdeas} needs (a narrow slice of the shells' `Deps`). */
export interface GenerateIdeasDeps {
  provider: MarketDataProvider;
  clock: Clock;
  log: Log;
  strategies: StrategiesConfig;
  config: Pick<AppConfig, "strictFilters">;
}

/** Options of {@link generateIdeas}. */
export interface GenerateIdeasOptions {
  /** Only this strategy (it runs even when `enabled: false`; it must be listed in the file). */
  strategy?: string;
  /** Only these underlyings (intersected with each strategy's own). */
  underlyings?: readonly string[];
}

/** Thrown for a request that names an unknown or unconfigured strategy or underlying. */
export class IdeasRequestError extends Error {
  override readonly name = "IdeasRequestError";
}

function selectRules(config: StrategiesConfig, opts: GenerateIdeasOptions): StrategyRules[] {
  if (opts.strategy !== undefined) {
    if (!isStrategyName(opts.strategy)) throw new IdeasRequestError(`unknown strategy "${opts.strategy}"`);
    const rules = config.strategies[opts.strategy];
    if (!rules) throw new IdeasRequestError(`strategy "${opts.strategy}" is not listed in strategies.yaml`);
    return [rules];
  }
  return Object.values(config.strategies).filter((r): r is StrategyRules => r?.enabled === true);
}

/** Best first: score, then POP, then id (stable across runs). */
const byRank = (a: Idea, b: Idea): number =>
  b.score - a.score || b.pop - a.pop || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Scans the configured strategies over their underlyings and returns ranked ideas plus every
 * candidate that was rejected or could not be built, each with its reasons. Market data is read
 * once per underlying (price, chain, metrics; quotes only for the strikes near the target deltas).
 * In strict mode (`config.strictFilters`) an idea failing a filter is `rejected` and listed apart;
 * otherwise it stays among the ideas as `advisory`. Either way the failure is logged.
 */
export async function generateIdeas(
  deps: GenerateIdeasDeps,
  opts: GenerateIdeasOptions = {},
): Promise<IdeasReport> {
  const started = deps.clock.now();
  const strict = deps.config.strictFilters;
  const selected = selectRules(deps.strategies, opts);
  const only = opts.underlyings ? new Set(opts.underlyings.map((u) => u.toUpperCase())) : undefined;
  if (only)
    for (const u of only)
      if (!(INDEX_UNDERLYINGS as readonly string[]).includes(u))
        throw new IdeasRequestError(`unknown underlying "${u}"`);
  const work = selected.map((r) => ({
    rules: r,
    underlyings: r.underlyings.filter((u) => !only || only.has(u)),
  }));
  const wanted = INDEX_UNDERLYINGS.filter((u) => work.some((w) => w.underlyings.includes(u)));

  const settings = { config: deps.strategies, strict, now: started, today: nyDate(started) };
  const ideas: Idea[] = [];
  const rejected: Idea[] = [];
  const unbuilt: UnbuiltCandidate[] = [];
  await Promise.all(
    wanted.map(async (u: IndexUnderlying) => {
      const market = await loadUnderlying(deps.provider, u);
      if (market.metricsError)
        deps.log.warn("strategies.metrics", { underlying: u, error: market.metricsError });
      for (const w of work) {
        if (!w.underlyings.includes(u)) continue;
        const r = await buildCandidate(w.rules, market, settings);
        if ("unbuilt" in r) {
          unbuilt.push(r.unbuilt);
          deps.log.info("strategies.unbuilt", { ...r.unbuilt });
          continue;
        }
        (r.idea.verdict === "rejected" ? rejected : ideas).push(r.idea);
        const failed = r.idea.checks.filter((c) => !c.passed);
        if (failed.length > 0)
          deps.log.warn("strategies.filter_failed", {
            id: r.idea.id,
            verdict: r.idea.verdict,
            strict,
            failed: failed.map((c) => c.message),
          });
      }
    }),
  );
  ideas.sort(byRank);
  rejected.sort(byRank);
  const order = (c: UnbuiltCandidate): string => `${c.strategy}|${c.underlying}`;
  unbuilt.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
  const considered = work.reduce((n, w) => n + w.underlyings.length, 0);
  const summary = summarize(considered, ideas, rejected, unbuilt);
  // `pass` is renamed: the logger redacts keys that look like passwords.
  const { pass: passing, ...counts } = summary;
  deps.log.info("strategies.scan", {
    strategies: selected.map((r) => r.name),
    underlyings: wanted,
    passing,
    ...counts,
    ms: deps.clock.now() - started,
  });
  return { generatedAt: started, strictFilters: strict, considered, ideas, rejected, unbuilt, summary };
}

function summarize(
  considered: number,
  ideas: Idea[],
  rejected: Idea[],
  unbuilt: UnbuiltCandidate[],
): IdeasSummary {
  const failedFilters: Record<string, number> = {};
  for (const i of [...ideas, ...rejected])
    for (const c of i.checks) if (!c.passed) failedFilters[c.filter] = (failedFilters[c.filter] ?? 0) + 1;
  const unbuiltStages: IdeasSummary["unbuiltStages"] = {};
  for (const c of unbuilt) unbuiltStages[c.stage] = (unbuiltStages[c.stage] ?? 0) + 1;
  return {
    considered,
    pass: ideas.filter((i) => i.verdict === "pass").length,
    advisory: ideas.filter((i) => i.verdict === "advisory").length,
    rejected: rejected.length,
    unbuilt: unbuilt.length,
    tradable: ideas.filter((i) => i.tradable).length,
    failedFilters,
    unbuiltStages,
  };
}
