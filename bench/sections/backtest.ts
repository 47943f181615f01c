import {
  applySweepCell,
  marketHistoryStart,
  parseSweep,
  runBacktest,
  runBacktestJobs,
  sweepGrid,
  type BacktestJob,
  type BacktestTrade,
} from "@stratdeck/sim/backtest";
import { validateConfig } from "@stratdeck/core/config";
import { MarketHistory, DynamicMarket } from "@stratdeck/sim/market";
import { loadStrategiesFile } from "@stratdeck/core/strategies";
import type { BenchSection } from "../section";

const FROM = "2025-01-02";
const TO = "2025-12-31";
const SEED = 1;
/** The budget of the issue: a year of trading days in under a minute of CPU. */
const BUDGET_SECONDS = 60;
/** `--seeds 8` over a year, and a 3×3 sweep over a year: each under 5 minutes on 2 cores. */
const BATCH_BUDGET_SECONDS = 300;
const SEEDS = 8;
const SWEEP = ["filters.min_credit_per_width=0.1,0.125,0.15", "short_delta.target=0.16,0.2,0.24"];

/** Wall and CPU seconds (every thread of the process) of `fn`. */
async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; seconds: number; cpuSeconds: number }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const c = process.cpuUsage(c0);
  return {
    value,
    seconds: Number(((performance.now() - t0) / 1000).toFixed(1)),
    cpuSeconds: Number(((c.user + c.system) / 1e6).toFixed(1)),
  };
}

/** `--seeds 8` and a 3×3 `--sweep` over the year, on worker threads (one per core). */
async function batches(base: BacktestJob) {
  const seeds = await timed(() =>
    runBacktestJobs(Array.from({ length: SEEDS }, (_, i) => ({ ...base, seed: SEED + i }))),
  );
  const scanned = Object.keys(base.strategies.strategies);
  const axes = SWEEP.map((t) => parseSweep(t, base.strategies, scanned));
  const jobs = sweepGrid(axes).map((cell) => ({
    ...base,
    strategies: applySweepCell(base.strategies, cell, scanned),
  }));
  const sweep = await timed(() => runBacktestJobs(jobs));
  const figures = (t: { seconds: number; cpuSeconds: number }, runs: number) => ({
    runs,
    seconds: t.seconds,
    cpuSeconds: t.cpuSeconds,
    budgetSeconds: BATCH_BUDGET_SECONDS,
    withinBudget: t.seconds < BATCH_BUDGET_SECONDS,
  });
  return { seeds: figures(seeds, SEEDS), sweep: figures(sweep, jobs.length) };
}

/** CPU seconds (user + system) of this process since `from` (a `process.cpuUsage()` reading). */
const cpuSince = (from: NodeJS.CpuUsage): number => {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1e6;
};

/** Per strategy: trades, how many on each underlying and by each exit reason, and net P&L in USD. */
function byStrategy(trades: readonly BacktestTrade[]): Record<string, unknown> {
  const out: Record<
    string,
    { trades: number; netUsd: number; underlyings: Record<string, number>; reasons: Record<string, number> }
  > = {};
  for (const t of trades) {
    const s = (out[t.strategy] ??= { trades: 0, netUsd: 0, underlyings: {}, reasons: {} });
    s.trades += 1;
    s.netUsd = Math.round(s.netUsd * 100 + t.netPnlCents) / 100;
    s.underlyings[t.underlying] = (s.underlyings[t.underlying] ?? 0) + 1;
    s.reasons[t.reason] = (s.reasons[t.reason] ?? 0) + 1;
  }
  return out;
}

/**
 * `backtest`: a year of NYSE trading days (exits every 5 min, ideas every 30 min) for every strategy
 * on SPX, XSP, RUT and NDX, in simulated trading days per second; the baseline is generating the
 * same year of market paths alone. Then `--seeds 8` and a 3×3 sweep over the same year on worker
 * threads, in wall and CPU seconds (CPU counts every thread: on a shared machine it is the steadier figure).
 */
export const backtestSection: BenchSection = {
  key: "backtest",
  title: "Backtest (one year, all strategies, SPX/XSP/RUT/NDX, in-process jobs)",
  async run() {
    const env = validateConfig({ STRATDECK_DATA_MODE: "sim", STRATDECK_TRADING_MODE: "paper" });
    if (!env.ok) throw new Error("config");
    const strategies = await loadStrategiesFile(new URL("../../strategies.yaml", import.meta.url).pathname);
    const m0 = performance.now();
    new MarketHistory({ seed: SEED, start: marketHistoryStart(FROM) }).ensure(Date.parse(`${TO}T23:00:00Z`));
    const marketSeconds = (performance.now() - m0) / 1000;
    const market = new DynamicMarket({ seed: SEED, start: marketHistoryStart(FROM) });
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const result = await runBacktest(
      { market, strategies, config: env.config },
      { from: FROM, to: TO, seed: SEED },
    );
    const cpuSeconds = Number(cpuSince(cpu0).toFixed(2));
    const seconds = Number(((performance.now() - t0) / 1000).toFixed(2));
    const tradingDays = result.tradingDays;
    const daysPerSecond = Number((tradingDays / seconds).toFixed(2));
    const batch = await batches({
      market: { kind: "synthetic" },
      seed: SEED,
      strategies,
      config: env.config,
      from: FROM,
      to: TO,
      exitPolicy: "close-on-alert",
    });
    const runs = Object.entries(result.runs)
      .map(([job, n]) => `${job} ${n}`)
      .join(", ");
    return {
      json: {
        tradingDays,
        cpuSeconds,
        budgetCpuSeconds: BUDGET_SECONDS,
        withinBudget: cpuSeconds < BUDGET_SECONDS,
        seconds,
        daysPerSecond,
        marketOnlySeconds: Number(marketSeconds.toFixed(2)),
        ratioVsMarketOnly: Number((seconds / marketSeconds).toFixed(1)),
        trades: result.trades.length,
        byStrategy: byStrategy(result.trades),
        seeds8: batch.seeds,
        sweep3x3: batch.sweep,
      },
      human: [
        `range          ${FROM} .. ${TO}, seed ${SEED}: ${tradingDays} trading days`,
        `cpu seconds    ${cpuSeconds} (budget < ${BUDGET_SECONDS}: ${cpuSeconds < BUDGET_SECONDS ? "within" : "OVER"}); wall ${seconds}`,
        `days/second    ${daysPerSecond}`,
        `runs           ${runs}; ${result.trades.length} trades`,
        ...Object.entries(byStrategy(result.trades)).map(([name, v]) => `  ${name} ${JSON.stringify(v)}`),
        `baseline       ${marketSeconds.toFixed(2)} s to generate two years of market paths alone (x${(seconds / marketSeconds).toFixed(1)})`,
        `--seeds ${SEEDS}       ${batch.seeds.seconds} s wall, ${batch.seeds.cpuSeconds} s CPU on worker threads (budget < ${BATCH_BUDGET_SECONDS} s: ${batch.seeds.withinBudget ? "within" : "OVER"})`,
        `3×3 sweep      ${batch.sweep.seconds} s wall, ${batch.sweep.cpuSeconds} s CPU (${SWEEP.join(" × ")}; budget < ${BATCH_BUDGET_SECONDS} s: ${batch.sweep.withinBudget ? "within" : "OVER"})`,
      ].join("\n"),
    };
  },
};
