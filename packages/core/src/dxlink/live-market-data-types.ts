import type { Log } from "../log/log";
import type { Clock } from "../time/clock";
import type { DxLinkClientOptions, FrameTap } from "./client-options";
import type { QuoteTokenSource } from "./quote-token";
import type { BackoffOptions } from "./reconnect-backoff";
import type { Timers } from "./timers";

/** Tunables of the service (durations ms). */
export interface LiveMarketDataOptions extends Partial<DxLinkClientOptions> {
  backoff?: Partial<BackoffOptions>;
  /** Replace the quote token this long before it expires, ms (default 10 min). */
  tokenRefreshBeforeMs?: number;
  /** Use this DXLink URL instead of the one granted with the token. */
  dxlinkUrl?: string;
}

/** What the service needs. */
export interface LiveMarketDataDeps {
  tokens: QuoteTokenSource;
  clock: Clock;
  log: Log;
  /** Uniform [0, 1) source for backoff jitter (default Math.random). */
  random?: () => number;
  timers?: Timers;
  /** Sees every received text frame (e.g. `stratdeck stream --record`). */
  onFrame?: FrameTap;
}

/** Where the service is in its lifecycle. */
export type StreamState = "idle" | "connecting" | "streaming" | "backoff" | "stopped";

/** Counters and state for heartbeats and health. */
export interface LiveMarketDataStats {
  state: StreamState;
  /** Sessions that reached streaming. */
  connects: number;
  /** Reconnect attempts scheduled after a session ended. */
  reconnects: number;
  /** Sessions ended by an auth failure. */
  authFailures: number;
  /** Quote tokens fetched. */
  tokenFetches: number;
  /** Events applied since start. */
  events: number;
  /** Last event received, ms since epoch (null before the first). */
  lastEventAt: number | null;
  /** When the current session started streaming, ms since epoch. */
  connectedAt: number | null;
  /** Expiry of the token in use, ms since epoch. */
  tokenExpiresAt: number | null;
  /** (type, symbol) subscriptions. */
  subscriptions: number;
  /** Distinct subscribed symbols. */
  symbols: number;
  /** Skipped bad input per kind. */
  malformed: Record<string, number>;
  lastDisconnect: { reason: string; message: string; code?: number; at: number } | null;
}
