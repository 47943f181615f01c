import type { LiveMarketDataService } from "../dxlink/live-market-data-service";
import type { LiveMarketDataStats, StreamState } from "../dxlink/live-market-data-types";
import type { SnapshotWriterStats } from "./snapshot-writer";
import { lastEventsByKind, type EventRate, type StreamFreshness } from "./stream-freshness";
import type { SubscriptionPlan } from "./subscription-plan";

/** A subscription plan and when it was applied (ms since epoch). */
export type PlannedAt = SubscriptionPlan & { at: number };

/** Feed counters copied into the heartbeat as they are. */
type FeedCounters =
  | "connects"
  | "reconnects"
  | "authFailures"
  | "tokenFetches"
  | "events"
  | "lastEventAt"
  | "tokenExpiresAt"
  | "subscriptions"
  | "lastDisconnect"
  | "malformed";

/** The stream task's heartbeat record (StatusStore id `stream`); times are ms since epoch. */
export interface StreamTaskSummary extends Record<string, unknown>, Pick<LiveMarketDataStats, FeedCounters> {
  /** `running`, `stopped`, or `stop-timeout` (the final flush overran its budget). */
  state: string;
  /** An event arrived within the healthy max staleness while streaming. */
  healthy: boolean;
  feedState: StreamState;
  symbolsSubscribed: { count: number; sample: string[] };
  writer: SnapshotWriterStats;
  plan: Omit<PlannedAt, "entries"> | null;
  /** Last event per kind of subscribed symbol and events per minute (freshness, not liveness). */
  freshness: StreamFreshness;
}

/** The heartbeat record of the stream task now. */
export function streamSummary(
  state: string,
  feed: LiveMarketDataService,
  writer: SnapshotWriterStats,
  plan: PlannedAt | null,
  maxStaleSeconds: number,
  rate: EventRate,
  now: number,
): StreamTaskSummary {
  const { state: feedState, connectedAt: _connectedAt, symbols: _symbols, ...counters } = feed.stats();
  const symbols = feed.subscribedSymbols();
  let planned: StreamTaskSummary["plan"] = null;
  if (plan) {
    const { entries: _entries, ...rest } = plan;
    planned = rest;
  }
  return {
    state,
    healthy: feed.isHealthy(maxStaleSeconds),
    feedState,
    ...counters,
    symbolsSubscribed: { count: symbols.length, sample: symbols.slice(0, 8) },
    writer,
    plan: planned,
    freshness: {
      ...lastEventsByKind(feed.book, symbols),
      eventsPerMinute: rate.sample(now, counters.events),
    },
  };
}
