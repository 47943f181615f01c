import type { AppConfig } from "@stratdeck/core/config";
import { silentLog, type Log } from "@stratdeck/core/log";
import type { StrategiesConfig } from "@stratdeck/core/strategies";
import { DynamicMarket } from "../../market/dynamics/dynamic-market";
import type { BacktestMarket } from "../backtest-market";
import type { BacktestResult, ExitPolicy } from "../backtest-types";
import { marketHistoryStart } from "../history-start";
import { HistoryMarket } from "../history/history-market";
import { loadHistoryFiles, type HistoryPaths } from "../history/load-history";
import { runBacktest } from "../run-backtest";
import { tradingDaysBetween } from "../schedule-runs";

/** The market of a job: the seeded synthetic market, or a replay of daily history files. */
export type JobMarket = { kind: "synthetic" } | { kind: "history"; files: HistoryPaths; underlying: string };

/** One backtest run as plain data (what a worker thread receives). */
export interface BacktestJob {
  market: JobMarket;
  /** Market seed (synthetic) or intraday-path seed (history). */
  seed: number;
  strategies: StrategiesConfig;
  config: AppConfig;
  from: string;
  to: string;
  strategy?: string;
  exitPolicy: ExitPolicy;
}

/** The market of a job (a history replay reads and validates its files). */
export function marketOfJob(job: BacktestJob): BacktestMarket {
  if (job.market.kind === "synthetic")
    return new DynamicMarket({ seed: job.seed, start: marketHistoryStart(job.from) });
  return HistoryMarket.create({
    ...loadHistoryFiles(job.market.files),
    underlying: job.market.underlying,
    days: tradingDaysBetween(job.from, job.to),
    seed: job.seed,
  });
}

/** Runs one job in this thread (on `market` when given, already built from the job). */
export function runBacktestJob(
  job: BacktestJob,
  market: BacktestMarket = marketOfJob(job),
  log: Log = silentLog,
): Promise<BacktestResult> {
  return runBacktest(
    { market, strategies: job.strategies, config: job.config, log },
    {
      from: job.from,
      to: job.to,
      seed: job.seed,
      marketKind: job.market.kind,
      exitPolicy: job.exitPolicy,
      ...(job.strategy ? { strategy: job.strategy } : {}),
    },
  );
}
