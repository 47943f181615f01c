import type { BacktestResult, TradeStats } from "./backtest-types";
import type { SweepAxis, SweepCell } from "./strategy-sweep";
import { quantile } from "./trade-figures";

/** The statistics summarised across runs (keys of {@link TradeStats}). */
export const SPREAD_STATS = [
  "trades",
  "winRate",
  "avgWinCents",
  "avgLossCents",
  "profitFactor",
  "expectancyCents",
  "pnlPerRiskDay",
  "worstTradeCents",
  "p10TradeCents",
  "maxDrawdownCents",
  "annualReturnOnRisk",
  "sharpe",
  "totalNetPnlCents",
] as const;

/** One summarised statistic. */
export type SpreadStat = (typeof SPREAD_STATS)[number];

/** A statistic across runs: median and 5th–95th percentiles over the runs where it is defined. */
export interface Spread {
  median: number;
  p5: number;
  p95: number;
  /** Runs it was defined in (profit factor and Sharpe can be undefined). */
  runs: number;
}

/** Every summarised statistic of one strategy (or overall) across runs. */
export type SpreadTable = Partial<Record<SpreadStat, Spread>>;

const r6 = (x: number): number => Number(x.toFixed(6));

/** The spread of each statistic over a list of stats (one per run). */
export function spreadOf(stats: readonly TradeStats[]): SpreadTable {
  const out: SpreadTable = {};
  for (const key of SPREAD_STATS) {
    const values = stats.map((s) => s[key]).filter((v): v is number => typeof v === "number");
    if (values.length === 0) continue;
    out[key] = {
      median: r6(quantile(values, 0.5)),
      p5: r6(quantile(values, 0.05)),
      p95: r6(quantile(values, 0.95)),
      runs: values.length,
    };
  }
  return out;
}

/** What `--seeds N` reports. */
export interface SeedsSummary {
  kind: "seeds";
  market: BacktestResult["market"];
  from: string;
  to: string;
  strategy: string;
  seeds: number[];
  /** Per run: its seed, the overall and per-strategy stats. */
  runs: { seed: number; overall: TradeStats; byStrategy: Record<string, TradeStats> }[];
  overall: SpreadTable;
  /** Per strategy, over the runs where it traded. */
  byStrategy: Record<string, SpreadTable>;
  /** Per scanned strategy: the runs in which it made no trade, with each run's reason. */
  noTrade: Record<string, { runs: number; reasons: string[] }>;
  note: string;
}

function noTradeOf(results: readonly BacktestResult[]): SeedsSummary["noTrade"] {
  const out: SeedsSummary["noTrade"] = {};
  for (const r of results)
    for (const n of r.noTrade) {
      const e = (out[n.strategy] ??= { runs: 0, reasons: [] });
      e.runs += 1;
      e.reasons.push(n.reason);
    }
  return out;
}

/** The median and 5–95 % range of every statistic over runs on different seeds. */
export function summarizeSeeds(results: readonly BacktestResult[]): SeedsSummary {
  const first = results[0];
  if (!first) throw new Error("summarizeSeeds: no runs");
  const names = [...new Set(results.flatMap((r) => Object.keys(r.stats.byStrategy)))].sort();
  return {
    kind: "seeds",
    market: first.market,
    from: first.from,
    to: first.to,
    strategy: first.strategy,
    seeds: results.map((r) => r.seed ?? 0),
    runs: results.map((r) => ({
      seed: r.seed ?? 0,
      overall: r.stats.overall,
      byStrategy: r.stats.byStrategy,
    })),
    overall: spreadOf(results.map((r) => r.stats.overall)),
    byStrategy: Object.fromEntries(
      names.map((n) => [
        n,
        spreadOf(results.map((r) => r.stats.byStrategy[n]).filter((s): s is TradeStats => s !== undefined)),
      ]),
    ),
    noTrade: noTradeOf(results),
    note: first.note,
  };
}

/** What `--sweep` reports: one cell per combination of values. */
export interface SweepSummary {
  kind: "sweep";
  market: BacktestResult["market"];
  from: string;
  to: string;
  strategy: string;
  seed: number | null;
  axes: SweepAxis[];
  cells: {
    params: SweepCell;
    overall: TradeStats;
    byStrategy: Record<string, TradeStats>;
    noTrade: BacktestResult["noTrade"];
  }[];
  note: string;
}

/** The grid of a sweep from its runs (in {@link sweepGrid}'s order). */
export function summarizeSweep(
  axes: readonly SweepAxis[],
  cells: readonly SweepCell[],
  results: readonly BacktestResult[],
): SweepSummary {
  const first = results[0];
  if (!first) throw new Error("summarizeSweep: no runs");
  return {
    kind: "sweep",
    market: first.market,
    from: first.from,
    to: first.to,
    strategy: first.strategy,
    seed: first.seed,
    axes: [...axes],
    cells: results.map((r, i) => ({
      params: cells[i] ?? {},
      overall: r.stats.overall,
      byStrategy: r.stats.byStrategy,
      noTrade: r.noTrade,
    })),
    note: first.note,
  };
}
