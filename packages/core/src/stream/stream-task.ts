import type { FrameTap } from "../dxlink/client-options";
import type { Log } from "../log/log";
import type { SnapshotStore } from "../market-data/snapshot-store";
import type { StatusStore } from "../status/status-store";
import type { Clock } from "../time/clock";
import { LiveMarketDataService } from "../dxlink/live-market-data-service";
import type { LiveMarketDataOptions } from "../dxlink/live-market-data-types";
import type { MarketBook } from "../dxlink/market-book";
import type { QuoteTokenSource } from "../dxlink/quote-token";
import { ThrottledWarnings } from "../dxlink/throttled-warnings";
import { realTimers, sleep } from "../dxlink/timers";
import type { Timers } from "../dxlink/timers";
import { SnapshotWriter } from "./snapshot-writer";
import type { SnapshotWriterOptions } from "./snapshot-writer";
import { EventRate } from "./stream-freshness";
import { streamSummary } from "./stream-status";
import type { PlannedAt, StreamTaskSummary } from "./stream-status";
import { SubscriptionPlanner } from "./subscription-plan";
import type { Metrics } from "../metrics/metrics";
import { KindEventCounter } from "./kind-event-counter";
import { STREAM_METRICS_INTERVAL_MS, StreamFreshnessMetrics } from "./stream-metrics";
import type { PlanOptions, PlanSources } from "./subscription-plan";

/** What the stream task needs (a narrow slice of the shells' deps). */
export interface StreamTaskDeps {
  clock: Clock;
  log: Log;
  tokens: QuoteTokenSource;
  snapshots: Pick<SnapshotStore, "putMany">;
  status: Pick<StatusStore, "beat">;
  /** Plan inputs; the spot comes from the stream itself. */
  plan: Omit<PlanSources, "spotOf">;
  random?: () => number;
  timers?: Timers;
  /** Sees every received DXLink text frame (the `--record` tap). */
  onFrame?: FrameTap;
  /** Where the freshness metrics go every minute (CloudWatch in AWS; none locally). */
  metrics?: Metrics;
}

/** Knobs of the stream task (ms unless noted). */
export interface StreamTaskOptions {
  feed?: LiveMarketDataOptions;
  writer?: Partial<SnapshotWriterOptions>;
  plan?: Partial<PlanOptions>;
  /** Re-plan subscriptions this often (default 60 s). */
  replanIntervalMs?: number;
  /** Re-plan this soon while an underlying still lacks a spot or chain (default 2 s). */
  planRetryMs?: number;
  /** Heartbeat record cadence (default 10 s). */
  statusIntervalMs?: number;
  /** Budget for the final flush and heartbeat after the stop signal (default 7 s; SIGTERM grace is 10 s). */
  stopTimeoutMs?: number;
  /** A stream with no event for this long is unhealthy, seconds (default 5). */
  healthyMaxStaleSeconds?: number;
  /** Freshness metrics cadence (default 60 s), when `metrics` is given. */
  metricsIntervalMs?: number;
}

/** Status id of the stream task's heartbeat record. */
export const STREAM_STATUS_ID = "stream";

/**
 * The stream task: keeps the DXLink feed alive, subscribes what the strategies and open positions
 * need (re-planned periodically, applied as add/remove diffs), coalesces events into the
 * SnapshotStore, and beats its status. Resolves after `signal` aborts, the socket is closed and a
 * final flush and heartbeat were attempted within `stopTimeoutMs`.
 */
export async function runStreamTask(
  deps: StreamTaskDeps,
  signal: AbortSignal,
  options: StreamTaskOptions = {},
): Promise<StreamTaskSummary> {
  const { clock, log } = deps;
  const timers = deps.timers ?? realTimers;
  const feed = new LiveMarketDataService(
    {
      tokens: deps.tokens,
      clock,
      log,
      timers,
      ...(deps.random ? { random: deps.random } : {}),
      ...(deps.onFrame ? { onFrame: deps.onFrame } : {}),
    },
    options.feed,
  );
  const maxStale = options.healthyMaxStaleSeconds ?? 5;
  const writer = new SnapshotWriter(
    {
      store: deps.snapshots,
      clock,
      log,
      timers,
      states: () => feed.book.values(),
      confirmSince: () => (feed.isHealthy(maxStale) ? feed.stats().connectedAt : null),
    },
    options.writer,
  );
  const planner = new SubscriptionPlanner(
    { ...deps.plan, spotOf: (u) => spotOf(feed.book, u) },
    clock,
    log,
    options.plan,
  );
  const warnings = new ThrottledWarnings(log, clock, "stream.error", 60_000);
  let lastPlan: PlannedAt | null = null;
  const rate = new EventRate();

  const summary = (state: string): StreamTaskSummary =>
    streamSummary(state, feed, writer.stats(), lastPlan, maxStale, rate, clock.now());

  const beat = async (state: string): Promise<StreamTaskSummary> => {
    const data = summary(state);
    try {
      await deps.status.beat(STREAM_STATUS_ID, data);
      log.debug("stream.heartbeat", { state, events: data.events, symbols: data.symbolsSubscribed.count });
    } catch (err) {
      warnings.warn("status-beat", { error: (err as Error).message });
    }
    return data;
  };

  const replan = async (): Promise<number> => {
    try {
      const plan = await planner.plan();
      const diff = feed.setSubscriptions(plan.entries);
      lastPlan = { ...plan, at: clock.now() };
      log.info("stream.plan", {
        underlyings: plan.underlyings,
        strategySymbols: plan.strategySymbols,
        positionSymbols: plan.positionSymbols,
        pending: plan.pending,
        ...diff,
      });
      return plan.pending.length > 0 ? (options.planRetryMs ?? 2_000) : (options.replanIntervalMs ?? 60_000);
    } catch (err) {
      warnings.warn("plan", { error: (err as Error).message });
      return options.planRetryMs ?? 2_000;
    }
  };

  const publishMetrics = async (metrics: Metrics | undefined, stopped: AbortSignal): Promise<void> => {
    if (!metrics) return;
    const freshness = new StreamFreshnessMetrics(metrics, clock.now());
    const counter = new KindEventCounter();
    while (!stopped.aborted) {
      await sleep(options.metricsIntervalMs ?? STREAM_METRICS_INTERVAL_MS, stopped, timers);
      if (stopped.aborted) break;
      const events = counter.take(feed.book, feed.subscribedSymbols());
      freshness.publish(summary("running"), events, clock.now());
    }
  };

  const inner = new AbortController();
  const stop = (): void => inner.abort();
  signal.addEventListener("abort", stop, { once: true });
  if (signal.aborted) inner.abort();

  const loops = [
    feed.run(inner.signal),
    writer.run(inner.signal),
    (async () => {
      while (!inner.signal.aborted) await sleep(await replan(), inner.signal, timers);
    })(),
    (async () => {
      while (!inner.signal.aborted) {
        await beat("running");
        await sleep(options.statusIntervalMs ?? 10_000, inner.signal, timers);
      }
    })(),
    publishMetrics(deps.metrics, inner.signal),
  ];
  await new Promise<void>((r) =>
    inner.signal.aborted ? r() : inner.signal.addEventListener("abort", () => r()),
  );

  // Shutdown: the socket closes at once; the final flush and heartbeat get the rest of the budget.
  const budget = options.stopTimeoutMs ?? 7_000;
  const shutdown = (async () => {
    await Promise.all(loops);
    const n = await writer.flush();
    log.info("stream.stopped", { finalFlushWritten: n, pending: writer.stats().pending });
    return beat("stopped");
  })();
  const deadline = new AbortController();
  const finished = await Promise.race([shutdown, sleep(budget, deadline.signal, timers).then(() => null)]);
  deadline.abort();
  if (finished) return finished;
  log.warn("stream.stop-timeout", { budgetMs: budget, pending: writer.stats().pending });
  return summary("stop-timeout");
}

/** The underlying's level from the stream: mid, else last trade, else previous close. */
export function spotOf(book: MarketBook, underlying: string): number | undefined {
  const st = book.get(underlying);
  if (!st) return undefined;
  if (Number.isFinite(st.bid) && Number.isFinite(st.ask) && st.bid > 0 && st.ask >= st.bid)
    return (st.bid + st.ask) / 2;
  if (Number.isFinite(st.last) && st.last > 0) return st.last;
  if (Number.isFinite(st.prevClose) && st.prevClose > 0) return st.prevClose;
  return undefined;
}
