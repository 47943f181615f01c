import { join } from "node:path";
import type { Command } from "commander";
import {
  applySweepCell,
  HistoryFileError,
  loadHistoryFiles,
  marketOfJob,
  parseSweep,
  RecordedMarket,
  runBacktest,
  runBacktestJob,
  runBacktestJobs,
  summarizeSeeds,
  summarizeSweep,
  SweepKeyError,
  sweepGrid,
  type BacktestJob,
  type BacktestMarket,
  type BacktestResult,
  type JobMarket,
  type SeedsSummary,
  type SweepSummary,
} from "@stratdeck/sim/backtest";
import type { Log } from "@stratdeck/core/log";
import { loadStrategiesFile, type StrategiesConfig } from "@stratdeck/core/strategies";
import { backtestHtml } from "../report/backtest-html";
import { batchHtml } from "../report/backtest-batch-html";
import { cliLogger } from "../support/cli-log";
import { simPaperConfig } from "../support/sim-config";
import { action } from "../support/run";
import {
  BacktestOptionError,
  historyOf,
  parseBacktestOptions,
  type BacktestCliOptions,
  type BacktestRequest,
} from "./backtest-options";
import { checkOutputPath, writeWhole } from "./backtest-output";
import { batchText, resultText } from "./backtest-text";

const collect = (v: string, all: string[] = []): string[] => [...all, v];

/** `stratdeck backtest`: the scheduled jobs over a range of trading days on the synthetic market or real history. */
export function registerBacktest(command: Command): void {
  command
    .option("--from <YYYY-MM-DD>", "first day (New York)")
    .option("--to <YYYY-MM-DD>", "last day, inclusive")
    .option("--seed <n>", "market seed (with --history: the intraday paths' seed)", "1")
    .option("--seeds <n>", "run n seeds (seed … seed+n−1) on both cores and report median and 5–95 % range")
    .option("--sweep <KEY=a,b,c>", "run a grid over one or two strategy rules (repeat for two)", collect)
    .option("--strategy <name>", "one strategy, or all (every enabled strategy)", "all")
    .option("--exits <policy>", "close-on-alert (act on exit alerts) or hold-to-expiry", "close-on-alert")
    .option("--history <file>", "replay daily OHLC of the underlying (CSV: Yahoo/Stooq, Cboe or FRED layout)")
    .option("--vol <file>", "with --history: the 30-day volatility index's daily history (VIX)")
    .option("--vol9d <file>", "with --history: the 9-day volatility index (VIX9D)")
    .option("--vol3m <file>", "with --history: the 3-month volatility index (VIX3M)")
    .option("--underlying <symbol>", "with --history: the index the history is of (SPX, RUT, NDX)")
    .option("--html <file>", "also write a self-contained HTML report")
    .option(
      "--replay <file>",
      "run over a recording (`stratdeck stream --record`) instead of the synthetic market",
    )
    .option("--json [file]", "print the full result as one JSON document (or write it to file)")
    .action(action(runCommand));
}

async function runCommand(opts: BacktestCliOptions): Promise<void> {
  if (opts.replay !== undefined && opts.replay.trim() === "")
    throw new BacktestOptionError("--replay needs a file path");
  checkOutputPath(opts.html, "--html");
  if (typeof opts.json === "string") checkOutputPath(opts.json, "--json");
  const history = historyOf(opts).history;
  const files = history ? asOptionError(() => loadHistoryFiles(history)) : null;
  const recorded = opts.replay ? await RecordedMarket.load(opts.replay) : null;
  const bars = files?.history.bars;
  const range =
    recorded?.range() ?? (bars ? { from: bars[0]?.date ?? "", to: bars.at(-1)?.date ?? "" } : undefined);
  const req = parseBacktestOptions(opts, range);
  const config = simPaperConfig();
  const strategies = await loadStrategiesFile(
    config.strategiesFile ?? join(process.cwd(), "strategies.yaml"),
  );
  const market: JobMarket = history
    ? { kind: "history", files: history, underlying: history.underlying }
    : { kind: "synthetic" };
  const base: BacktestJob = {
    market,
    seed: req.seed,
    strategies,
    config,
    from: req.from,
    to: req.to,
    exitPolicy: req.exitPolicy,
    ...(req.strategy ? { strategy: req.strategy } : {}),
  };
  // A replay's files are checked against the calendar here, before any run (workers re-read them).
  const checked: BacktestMarket | null = history ? asOptionError(() => marketOfJob(base)) : null;
  const t0 = performance.now();
  if (req.sweep.length > 0) return await sweepRun(base, req, t0);
  if (req.seeds > 1) return await seedsRun(base, req, t0);
  // Thousands of scheduled runs: only errors unless DEBUG is asked for.
  const log = cliLogger("stratdeck-backtest", config.logLevel === "DEBUG" ? "DEBUG" : "ERROR");
  const result = await runSingle(base, recorded ?? checked ?? undefined, log);
  finish(req, result, backtestHtml, (r) => resultText(r, seconds(t0), req.html));
}

const seconds = (t0: number): number => (performance.now() - t0) / 1000;

function runSingle(job: BacktestJob, market: BacktestMarket | undefined, log: Log): Promise<BacktestResult> {
  if (!(market instanceof RecordedMarket)) return runBacktestJob(job, market, log);
  const { strategies, config, from, to, exitPolicy, strategy } = job;
  return runBacktest(
    { market, strategies, config, log },
    { from, to, seed: null, exitPolicy, ...(strategy ? { strategy } : {}) },
  );
}

async function seedsRun(base: BacktestJob, req: BacktestRequest, t0: number): Promise<void> {
  const jobs = Array.from({ length: req.seeds }, (_, i) => ({ ...base, seed: req.seed + i }));
  const summary = summarizeSeeds(await runBacktestJobs(jobs));
  finish(req, summary, batchHtml, (s) => batchText(s, seconds(t0), req.html));
}

async function sweepRun(base: BacktestJob, req: BacktestRequest, t0: number): Promise<void> {
  const scanned = scannedStrategies(base.strategies, req.strategy);
  const axes = req.sweep.map((text) => asOptionError(() => parseSweep(text, base.strategies, scanned)));
  const cells = sweepGrid(axes);
  const jobs = cells.map((cell) => ({ ...base, strategies: applySweepCell(base.strategies, cell, scanned) }));
  const summary = summarizeSweep(axes, cells, await runBacktestJobs(jobs));
  finish(req, summary, batchHtml, (s) => batchText(s, seconds(t0), req.html));
}

/** Writes the reports (whole or not at all), then prints the text or the JSON. */
function finish<T extends BacktestResult | SeedsSummary | SweepSummary>(
  req: BacktestRequest,
  doc: T,
  html: (d: T) => string,
  text: (d: T) => string,
): void {
  const json = JSON.stringify(doc, null, 2) + "\n";
  if (req.html) writeWhole(req.html, html(doc));
  if (req.jsonFile) writeWhole(req.jsonFile, json);
  const lines = text(doc) + (req.jsonFile ? `\njson: ${req.jsonFile}` : "");
  process.stdout.write(req.jsonFile === undefined && req.json ? json : lines.replace(/\n?$/, "\n"));
}

function scannedStrategies(config: StrategiesConfig, only: string | undefined): string[] {
  return Object.entries(config.strategies)
    .filter(([name, rules]) => (only ? name === only : rules?.enabled))
    .map(([name]) => name);
}

/** Bad history files and sweep keys are bad options: exit 2 with their message. */
function asOptionError<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof HistoryFileError || err instanceof SweepKeyError)
      throw new BacktestOptionError(err.message);
    throw err;
  }
}
