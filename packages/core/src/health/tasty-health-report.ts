import type { ConfigIssue } from "../config/app-config";
import type { TastyEnvironment } from "../tasty/rest-base-url";
import type { CalendarDisagreement } from "../time/calendar-confirmation";
import type { TastySubError } from "../tasty/tasty-api-error";
import type { StoredHealth } from "./stored-health";

/** Configuration check: every issue at once, secrets never echoed. */
export interface ConfigCheck {
  ok: boolean;
  issues: ConfigIssue[];
  warnings: ConfigIssue[];
}

/** A failed step, JSON-safe (a TastyApiError summary or a message). */
export interface CheckError {
  kind: string;
  message: string;
  endpoint?: string;
  status?: number;
  code?: string;
  field?: string;
  subErrors?: TastySubError[];
  /** ISO time. */
  cooldownUntil?: string;
}

/** REST check: OAuth token, one light call and a quote token, latencies in ms. */
export interface RestCheck {
  ok: boolean;
  /** Why the check did not run (bad config). */
  skipped?: string;
  /** Time to a valid access token (0 when cached), ms. */
  tokenMs?: number;
  /** GET /market-metrics round trip, ms. */
  callMs?: number;
  /** GET /api-quote-tokens round trip, ms. */
  quoteTokenMs?: number;
  symbol: string;
  /** IV rank of `symbol` from the light call, fraction 0–1. */
  ivRank?: number;
  error?: CheckError;
}

/** DXLink check: connect, authorize, first Quote, latencies in ms. */
export interface DxLinkCheck {
  ok: boolean;
  skipped?: string;
  dxlinkUrl?: string;
  connectMs?: number;
  authMs?: number;
  firstQuoteMs?: number;
  quote?: unknown;
  /**
   * After the first Quote: `arriving` (an update followed within `updateWithinMs`) or
   * `snapshot-only` (connected, the subscription's snapshot and nothing since).
   */
  updates?: "arriving" | "snapshot-only";
  /** First update, ms from the start of the probe. */
  firstUpdateMs?: number;
  /** How long the probe waited for an update, ms. */
  updateWithinMs?: number;
  /** A session was open: updates were required. */
  expectUpdates?: boolean;
  error?: string;
}

/** The stream task's last heartbeat (StatusStore id `stream`). */
export interface StreamCheck {
  ok: boolean;
  /**
   * `fresh`: heartbeat within its max age and events of every subscribed kind within
   * `staleAfterMs`; `stalled`: the socket is up but events stopped; `disconnected`: the feed is
   * reconnecting and events stopped; `stale`: heartbeat too old (task not running); `absent`:
   * never written; `unknown`: not readable.
   */
  state: "fresh" | "stalled" | "disconnected" | "stale" | "absent" | "unknown";
  /** No stream is running (`absent` or `stale`): people read "no stream running". */
  running?: boolean;
  /** Kinds of streamed symbols with no recent event. */
  staleKinds?: ("underlyings" | "options")[];
  /** The event max age used, ms. */
  staleAfterMs?: number;
  /** Whether this check counts toward overall health. */
  required: boolean;
  lastHeartbeatAt?: string;
  ageMs?: number;
  data?: Record<string, unknown>;
  error?: string;
}

/** Each scheduled job's last run by name (see `readStoredHealth`). */
export type JobsCheck = Partial<StoredHealth["jobs"]>;

/** The NYSE calendar confirmed against tastytrade's equity holidays and half days. */
export interface CalendarCheck {
  ok: boolean;
  /** Why nothing was compared (no REST, endpoint unavailable). */
  skipped?: string;
  /** Dates tastytrade listed. */
  checkedDates?: number;
  disagreements?: CalendarDisagreement[];
}

/** The tasty-health status document. */
export interface TastyHealthReport {
  ok: boolean;
  /** ISO time of the check (by the deps clock). */
  checkedAt: string;
  dataMode: "sim" | "live" | null;
  environment: TastyEnvironment | null;
  restUrl: string | null;
  /** One line per failed check. */
  problems: string[];
  checks: {
    config: ConfigCheck;
    rest: RestCheck;
    dxlink: DxLinkCheck;
    stream: StreamCheck;
    calendar: CalendarCheck;
    /** Every job's last run (the CLI, reading the state folder's status store as `/health` does). */
    jobs?: JobsCheck;
  };
}
