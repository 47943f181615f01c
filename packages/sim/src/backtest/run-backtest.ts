import { MemoryAlertStore, MemoryNotifier } from "@stratdeck/core/alerts";
import type { AppConfig } from "@stratdeck/core/config";
import { silentLog, type Log } from "@stratdeck/core/log";
import { runJob, type JobDeps, SCHEDULES, type JobSchedule } from "@stratdeck/core/orchestrator";
import {
  closePosition,
  MemoryPaperOrderStore,
  paperSettingsFromStrategies,
  type PaperOrderStore,
} from "@stratdeck/core/ledger";
import { PaperVenue, venuesOf } from "@stratdeck/core/venues";
import type { StrategiesConfig } from "@stratdeck/core/strategies";
import { FakeClock, sessionOn } from "@stratdeck/core/time";
import type { BacktestMarket } from "./backtest-market";
import type { BacktestResult, ExitPolicy } from "./backtest-types";
import { EquityBook } from "./equity-book";
import { buyAndHoldOf } from "./buy-and-hold";
import { flaggedPositions } from "./flagged-positions";
import { IdeasTally } from "./ideas-tally";
import { MarketDataProviderSpy, type LookAheadWatch } from "./look-ahead";
import { BacktestMarketDataProvider } from "./market-provider";
import { MarketSettlementSource } from "./market-settlement";
import { scheduledRuns, tradingDaysBetween } from "./schedule-runs";
import { onlyStrategy, onMarket } from "./only-strategy";
import { putWriteBenchmark } from "./putwrite-benchmark";
import { tradesOf } from "./trades-of";
import { tradeStats } from "./trade-stats";

/** What a backtest runs against. */
export interface BacktestDeps {
  market: BacktestMarket;
  strategies: StrategiesConfig;
  /** The validated configuration (paper mode; strict filters as configured). */
  config: AppConfig;
  log?: Log;
  /** Default: the deployed {@link SCHEDULES}. */
  schedules?: readonly JobSchedule[];
  /** The order log, empty (default: a new {@link MemoryPaperOrderStore}). */
  orders?: PaperOrderStore;
}

/** Options of {@link runBacktest}. */
export interface BacktestOptions {
  /** First and last New York date, `YYYY-MM-DD` (inclusive; non-trading days are skipped). */
  from: string;
  to: string;
  /** Recorded in the result (the market is built from it by the caller); null for a replay. */
  seed: number | null;
  /** Only this strategy (default: every enabled strategy). */
  strategy?: string;
  /** Default `close-on-alert`. */
  exitPolicy?: ExitPolicy;
  /** Called after each session with its date and index (progress). */
  onDay?: (date: string, index: number, total: number) => void;
  /** Watches every price the jobs read (the no-look-ahead check). */
  lookAhead?: LookAheadWatch;
  /** What the market is (default: `replay` with a null seed, else `synthetic`). */
  marketKind?: BacktestResult["market"];
}

/** The caveat of a replay. */
export const REPLAY_NOTE =
  "A replay covers only the recorded sessions and the symbols the stream subscribed: a check of the " +
  "rules on real quotes, not a forecast. DXLink carries no IV index, so IV rank is unknown and a " +
  "min_ivr filter fails (set it to null to trade a replay).";

/** The caveat of a replay of daily history files. */
export const HISTORY_NOTE =
  "A replay of daily history: the index passes through each day's real open, high, low and close on a " +
  "seeded intraday path, and options are priced on a model surface built from the volatility indexes " +
  "(not on recorded option quotes): a check of the rules against real index moves, not a forecast.";

/** The honest caveat printed with every synthetic result. */
export const BACKTEST_NOTE =
  "Results on a synthetic market are a check of the rules and the plumbing, not a forecast: the " +
  "market is a model with an assumed volatility risk premium, and real fills, gaps and regimes differ.";

/**
 * Runs the deployed jobs (ideas and entries, exits; every schedule but `health` and `settle`) at
 * their scheduled minutes on every NYSE trading day of the range, and the settle job at each
 * session's open and close (the settlement instants of AM and PM roots, so an expiry is booked at
 * the moment it settles), on a fake clock, against the
 * market through the real provider port, fill model, risk limits and order log (in memory). With
 * `close-on-alert` an exit alert closes the position at that run's fill. After the last session,
 * positions still open are closed at the last close (`end-of-backtest`).
 */
export async function runBacktest(deps: BacktestDeps, options: BacktestOptions): Promise<BacktestResult> {
  const days = tradingDaysBetween(options.from, options.to);
  const first = days[0] ? sessionOn(days[0]) : null;
  if (!first) throw new Error(`no NYSE trading day between ${options.from} and ${options.to}`);
  const policy = options.exitPolicy ?? "close-on-alert";
  const clock = new FakeClock(first.openAt - 3_600_000);
  const log = deps.log ?? silentLog;
  const strategies = onMarket(onlyStrategy(deps.strategies, options.strategy), deps.market.underlyings());
  const base = new BacktestMarketDataProvider(deps.market, clock);
  const provider = options.lookAhead ? new MarketDataProviderSpy(base, clock, options.lookAhead) : base;
  const orders = deps.orders ?? new MemoryPaperOrderStore();
  const tally = new IdeasTally();
  const benchmark = deps.market.underlyings().includes("SPX")
    ? "SPX"
    : (deps.market.underlyings()[0] ?? "SPX");
  const closes: number[] = [];
  const jobDeps: JobDeps = {
    provider,
    clock,
    log,
    strategies,
    config: deps.config,
    orders,
    alerts: new MemoryAlertStore(clock),
    notifier: new MemoryNotifier(),
    settlement: new MarketSettlementSource(deps.market, clock),
    rest: null,
    status: tally.status,
    // A backtest trades on paper whatever the config says: nothing reaches a broker.
    venues: venuesOf(new PaperVenue()),
  };
  const settings = paperSettingsFromStrategies(strategies);
  const book = new EquityBook(orders);
  const runs: Record<string, number> = {};
  let lastClose = first.closeAt;
  const settleAt = async (at: number, slot: string): Promise<void> => {
    clock.set(Math.max(clock.now(), at));
    await runJob(jobDeps, { job: "settle", slot, at });
    runs["settle"] = (runs["settle"] ?? 0) + 1;
  };
  for (const [i, day] of days.entries()) {
    const session = sessionOn(day);
    // AM roots settle at the open: booked at that instant, before the day's first job.
    if (session) await settleAt(session.openAt, "settlement-open");
    for (const run of scheduledRuns(day, deps.schedules ?? SCHEDULES)) {
      clock.set(Math.max(clock.now(), run.at));
      const outcome = await runJob(jobDeps, run);
      runs[run.job] = (runs[run.job] ?? 0) + 1;
      if (run.job === "ideas") tally.outcomes(outcome);
      if (policy === "close-on-alert") {
        for (const f of flaggedPositions(outcome))
          await closePosition(jobDeps, f.positionId, { reason: f.rule, settings });
      }
    }
    lastClose = session?.closeAt ?? clock.now();
    // PM roots settle at the close: booked at that instant, before the day's equity is taken.
    await settleAt(lastClose, "settlement-close");
    await book.close(day, jobDeps, settings);
    closes.push(deps.market.spotAt(benchmark, lastClose));
    options.onDay?.(day, i, days.length);
  }
  // Settle what expired at the last close, then close the rest at the last close's fills.
  await runJob(jobDeps, { job: "exits", slot: "end-of-backtest", at: lastClose });
  for (const p of await orders.listOpenPositions()) {
    await closePosition(jobDeps, p.positionId, { reason: "end-of-backtest", settings });
  }
  const lastDay = days[days.length - 1] as string;
  await book.close(lastDay, jobDeps, settings, true);
  const trades = await tradesOf(orders);
  const strategyNames = [...new Set(trades.map((t) => t.strategy))].sort();
  const dates = book.points.map((p) => p.date);
  const overall = tradeStats(
    trades,
    book.points.map((p) => p.equityCents),
    dates,
  );
  const scanned = Object.entries(strategies.strategies)
    .filter(([, rules]) => rules?.enabled)
    .map(([name]) => name);
  const kind = options.marketKind ?? (options.seed === null ? "replay" : "synthetic");
  return {
    market: kind,
    seed: options.seed,
    from: options.from,
    to: options.to,
    strategy: options.strategy ?? "all",
    exitPolicy: policy,
    tradingDays: days.length,
    runs,
    trades,
    equity: book.points,
    stats: {
      overall,
      byStrategy: Object.fromEntries(
        strategyNames.map((s) => [
          s,
          tradeStats(
            trades.filter((t) => t.strategy === s),
            book.equityOf(s),
            dates,
          ),
        ]),
      ),
    },
    ...(kind === "synthetic"
      ? { putWrite: putWriteBenchmark(deps.market, options.from, options.to, deps.strategies.pricing.rate) }
      : {}),
    noTrade: scanned.filter((s) => !strategyNames.includes(s)).map((s) => tally.reasonFor(s)),
    screening: scanned.map((s) => tally.reasonFor(s)),
    buyAndHold: buyAndHoldOf(benchmark, dates, closes, overall.peakRiskCents),
    note: kind === "replay" ? REPLAY_NOTE : kind === "history" ? HISTORY_NOTE : BACKTEST_NOTE,
  };
}
