import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import {
  marketHistoryStart,
  RecordedMarket,
  runBacktest,
  type BacktestMarket,
  type BacktestResult,
  type TradeStats,
} from "@stratdeck/sim/backtest";
import { DynamicMarket } from "@stratdeck/sim/market";
import { loadStrategiesFile } from "@stratdeck/core/strategies";
import { backtestHtml } from "../report/backtest-html";
import { cliLogger } from "../support/cli-log";
import { emit } from "../support/output";
import { simPaperConfig } from "../support/sim-config";
import { action } from "../support/run";
import { BacktestOptionError, parseBacktestOptions, type BacktestCliOptions } from "./backtest-options";

/** `stratdeck backtest`: the scheduled jobs over a range of trading days on the unrigged synthetic market. */
export function registerBacktest(program: Command): void {
  program
    .command("backtest")
    .description(
      "run the scheduled jobs (ideas/entries, exits, settlement) on every NYSE trading day of a range, on a fake clock, against the seeded synthetic market",
    )
    .option("--from <YYYY-MM-DD>", "first day (New York)")
    .option("--to <YYYY-MM-DD>", "last day, inclusive")
    .option("--seed <n>", "market seed", "1")
    .option("--strategy <name>", "one strategy, or all (every enabled strategy)", "all")
    .option("--exits <policy>", "close-on-alert (act on exit alerts) or hold-to-expiry", "close-on-alert")
    .option("--html <file>", "also write a self-contained HTML report")
    .option(
      "--replay <file>",
      "run over a recording (`stratdeck stream --record`) instead of the synthetic market",
    )
    .option("--json", "print the full result as one JSON document")
    .action(
      action(async (opts: BacktestCliOptions) => {
        if (opts.replay !== undefined && opts.replay.trim() === "")
          throw new BacktestOptionError("--replay needs a file path");
        const recorded = opts.replay ? await RecordedMarket.load(opts.replay) : null;
        const req = parseBacktestOptions(opts, recorded?.range());
        const config = simPaperConfig();
        // Thousands of scheduled runs: only errors unless DEBUG is asked for.
        const log = cliLogger("stratdeck-backtest", config.logLevel === "DEBUG" ? "DEBUG" : "ERROR");
        const strategies = await loadStrategiesFile(
          config.strategiesFile ?? join(process.cwd(), "strategies.yaml"),
        );
        const market: BacktestMarket =
          recorded ?? new DynamicMarket({ seed: req.seed, start: marketHistoryStart(req.from) });
        const t0 = performance.now();
        const result = await runBacktest(
          { market, strategies, config: config, log },
          {
            from: req.from,
            to: req.to,
            seed: recorded ? null : req.seed,
            exitPolicy: req.exitPolicy,
            ...(req.strategy ? { strategy: req.strategy } : {}),
          },
        );
        const seconds = (performance.now() - t0) / 1000;
        log.info("backtest.done", { tradingDays: result.tradingDays, seconds: Number(seconds.toFixed(2)) });
        if (req.html) writeFileSync(req.html, backtestHtml(result));
        emit(result, opts, (r) => human(r, seconds, req.html));
      }),
    );
}

const usd = (cents: number): string =>
  `${cents < 0 ? "-" : ""}$${(Math.abs(cents) / 100).toLocaleString("en-US", { maximumFractionDigits: 0 })}`;

function statsLine(name: string, s: TradeStats): string {
  return (
    `${name.padEnd(30)} ${String(s.trades).padStart(4)} trades  win ${(s.winRate * 100).toFixed(0).padStart(3)}%  ` +
    `avg ${usd(s.avgWinCents)} / ${usd(s.avgLossCents)}  PF ${s.profitFactor === null ? "-" : s.profitFactor.toFixed(2)}  ` +
    `max DD ${usd(s.maxDrawdownCents)}  ${(s.pnlPerRiskDay * 100).toFixed(3)}%/risk-day  net ${usd(s.totalNetPnlCents)}`
  );
}

function human(r: BacktestResult, seconds: number, html: string | undefined): string {
  return [
    `backtest ${r.from} .. ${r.to}: ${r.tradingDays} trading days, ${r.market === "replay" ? "replay" : `seed ${r.seed}`}, ${r.strategy}, exits ${r.exitPolicy} (${seconds.toFixed(1)} s)`,
    statsLine("all", r.stats.overall),
    ...Object.entries(r.stats.byStrategy).map(([n, s]) => statsLine(n, s)),
    ...(html ? [`report: ${html}`] : []),
    `note: ${r.note}`,
  ].join("\n");
}
