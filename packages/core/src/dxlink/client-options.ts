import type { Log } from "../log/log";
import type { Clock } from "../time/clock";
import { ACCEPT_EVENT_FIELDS } from "./event-fields";
import type { EventType } from "./event-fields";
import type { MarketBook } from "./market-book";
import type { SubscriptionEntry } from "./messages";
import { DEFAULT_MAX_SUBSCRIPTION_FRAME_BYTES } from "./subscription-chunks";
import type { ThrottledWarnings } from "./throttled-warnings";
import type { Timers } from "./timers";

/** Tunables of one DXLink connection (all durations ms). */
export interface DxLinkClientOptions {
  /** How often we send KEEPALIVE (tastytrade drops a client silent for 60 s). */
  keepaliveIntervalMs: number;
  /** Nothing received for this long means the connection is dead (silent-but-open sockets). */
  keepaliveTimeoutMs: number;
  /** Socket open + SETUP + AUTH + channel must complete within this. */
  actionTimeoutMs: number;
  /** Requested server-side aggregation, seconds (0 = none). */
  aggregationPeriodSeconds: number;
  /** Upper bound of one FEED_SUBSCRIPTION frame, bytes. */
  maxSubscriptionFrameBytes: number;
  acceptEventFields: Readonly<Record<EventType, readonly string[]>>;
}

export const DEFAULT_CLIENT_OPTIONS: DxLinkClientOptions = {
  keepaliveIntervalMs: 30_000,
  keepaliveTimeoutMs: 60_000,
  actionTimeoutMs: 10_000,
  aggregationPeriodSeconds: 0.1,
  maxSubscriptionFrameBytes: DEFAULT_MAX_SUBSCRIPTION_FRAME_BYTES,
  acceptEventFields: ACCEPT_EVENT_FIELDS,
};

/** Why a session ended. */
export type EndReason =
  "closed" | "error" | "silence" | "auth" | "timeout" | "channel-closed" | "stopped" | "token-refresh";

/** How a session ended. */
export interface SessionEnd {
  reason: EndReason;
  message: string;
  /** WebSocket close code, when the peer closed. */
  code?: number;
  /** The socket opened. */
  opened: boolean;
  /** The server sent at least one frame. */
  responded: boolean;
  /** AUTH_STATE AUTHORIZED was received. */
  authorized: boolean;
  /** How long the session was streaming, ms (0 if it never got there). */
  streamedMs: number;
}

/** What a client needs from its owner. */
export interface DxLinkClientDeps {
  clock: Clock;
  log: Log;
  book: MarketBook;
  warnings: ThrottledWarnings;
  timers?: Timers;
  /** The full subscription set, read when the feed channel opens (sent as reset + add). */
  subscriptions: () => Iterable<SubscriptionEntry>;
  /** Called after each FEED_DATA frame with the number of events applied and the receive time. */
  onData?: (events: number, at: number) => void;
  /** Sees every text frame as received (bytes, receive time ms), before decoding: the recorder's tap. */
  onFrame?: FrameTap;
}

/** A tap on received text frames (bytes as received, receive time ms since epoch). */
export type FrameTap = (bytes: Uint8Array, at: number) => void;
