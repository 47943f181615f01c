import type { Log } from "@stratdeck/core/log";
import type { Clock } from "@stratdeck/core/time";
import type { OrderFaults } from "./broker/order-faults";
import type { BrokerControls, SimPosition } from "./broker/sim-broker";
import type { RouteFaultsHandle } from "./rest/route-faults";

/** Options of {@link startSimulator}. Every field is optional. */
export interface SimulatorOptions {
  /** Interface to bind, default `127.0.0.1`. */
  host?: string;
  /** TCP port, default 0 = a free port. */
  port?: number;
  /** Seed of the synthetic market, default 1. */
  seed?: number;
  /** Market-time multiplier, default 1 (ignored if `clock` is given). */
  speed?: number;
  /** Market clock; default `scaledClock(systemClock, speed)`. Token lifetimes also run on it. */
  clock?: Clock;
  /** Default `silentLog`. */
  log?: Log;
  /** Access-token lifetime, seconds of market time, default 900. */
  accessTokenTtlSeconds?: number;
  /** Quote-token lifetime, seconds of market time, default 86400. */
  quoteTokenTtlSeconds?: number;
  /** Advertised in SETUP, seconds, default 60; the server sends KEEPALIVE at half of it. */
  keepaliveTimeoutSeconds?: number;
  /** Real-time milliseconds between data pushes to subscribers, default 250. */
  publishIntervalMs?: number;
  /** Largest accepted FEED_SUBSCRIPTION frame, bytes, default 256 KiB; larger => close 1009. */
  maxSubscriptionFrameBytes?: number;
  /**
   * Share (0..1) of DXLink AUTHs sent before AUTH_STATE that are refused with the ERROR
   * `AuthException: Session not found: api` (tastyware/tastytrade#339), default 0: the real server
   * usually accepts them. 1 = always, as for the project's own client tests.
   */
  dropEarlyAuth?: number;
  /** Leave `expires-at` (and `issued-at`) out of `/api-quote-tokens`, as tastytrade's doc examples do. */
  quoteTokenWithoutExpiry?: boolean;
  /**
   * When orders work: `nyse` (default) = the NYSE session on the market clock (a Day order placed
   * outside it waits for the next session with tastytrade's warning); `always-open` = whenever the
   * simulator runs (the local stack's simulated market, `stratdeck start --market-hours sim`).
   */
  marketHours?: "nyse" | "always-open";
  /** Real ms between the client's SETUP and the server's AUTH_STATE, default 30. */
  authStateDelayMs?: number;
}

/** What `GET /api-quote-tokens` hands out. */
export interface QuoteTokenGrant {
  token: string;
  /** `ws://HOST:PORT/realtime` of this simulator. */
  dxlinkUrl: string;
  level: string;
  /** Expiry, ms since epoch on the market clock. */
  expiresAt: number;
}

/** Counters of a running simulator. */
export interface SimStats {
  /** WebSocket connections accepted since start. */
  connections: number;
  /** WebSocket connections open now. */
  openSockets: number;
  /** Successful DXLink AUTHs since start. */
  authorizations: number;
  accessTokensIssued: number;
  quoteTokensIssued: number;
  /** REST requests received since start (including rejected ones). */
  requests: number;
  /** Active FEED subscriptions over all open sockets and channels now. */
  subscriptions: number;
}

/** A started simulator. */
export interface RunningSimulator {
  /** `http://127.0.0.1:PORT` */
  restUrl: string;
  /** `ws://127.0.0.1:PORT/realtime` */
  dxlinkUrl: string;
  clock: Clock;
  market: SimMarket;
  faults: SimFaults;
  /** HTTP 429 / 5xx / no answer on the Nth request to one REST route. */
  routes: RouteFaultsHandle;
  /** The simulated account behind the order and position routes. */
  broker: SimBrokerHandle;
  /** Same as `GET /api-quote-tokens`, for tests that skip REST. */
  issueQuoteToken(): QuoteTokenGrant;
  stats(): SimStats;
  /** Closes every socket and the server; idempotent. */
  stop(): Promise<void>;
}

/** Test access to the simulated account. */
export interface SimBrokerHandle {
  /** Live knobs: market open, market hours, partial-fill cap, buying power (USD). */
  controls: BrokerControls;
  /** Order-lifecycle faults: Routed/In Flight before Live, a fill racing a cancel, Cancel Requested. */
  faults: OrderFaults;
  /** Changes a position behind the order book's back (drift). */
  adjustPosition(symbol: string, underlying: string, quantity: number): void;
  openPositions(): SimPosition[];
  /** Orders placed since start (POST /accounts/{a}/orders), any status. */
  placedCount(): number;
}

/** Quote, implied volatility and greeks of one option at the market clock's now. */
export interface SimOptionQuote {
  /** USD per share, tick-rounded. */
  bid: number;
  ask: number;
  mid: number;
  /** Implied volatility used for the theoretical price, annualised fraction. */
  iv: number;
  delta: number;
  /** Per index point. */
  gamma: number;
  /** USD per share per calendar day. */
  theta: number;
  /** USD per share per 1 volatility point (dxFeed convention). */
  vega: number;
  /** USD per share per 1 rate point (dxFeed convention). */
  rho: number;
  /** Theoretical (Black-Scholes) price, USD per share. */
  theo: number;
}

/** The synthetic market behind the simulator. */
export interface SimMarket {
  /** `["SPX","XSP","RUT","NDX"]` */
  underlyings(): string[];
  /** Index points at the market clock's now. */
  spot(underlying: string): number;
  /** Pins/jumps the level (the random walk continues from there). XSP follows SPX (XSP = SPX/10). */
  setSpot(underlying: string, price: number): void;
  /** Jumps by a fraction at once, e.g. +0.02 = up 2%. */
  move(underlying: string, fraction: number): void;
  /** Freezes (false) or resumes (true) the random walk of every underlying. */
  setWalk(enabled: boolean): void;
  /** IV rank, fraction 0..1. */
  ivRank(underlying: string): number;
  /** By streamer symbol (e.g. `.SPXW261218P5800`); null when unknown or expired before today. */
  optionQuote(streamerSymbol: string): SimOptionQuote | null;
}

/** Fault knobs; every one is off until turned on, `clear()` turns all off. */
export interface SimFaults {
  /** Closes every DXLink socket, default code 1012 reason `SERVICE_RESTART`. */
  closeAll(code?: number, reason?: string): void;
  /** Sockets stay open but the server sends nothing at all (no data, no KEEPALIVE). */
  silence(on: boolean): void;
  /** Sockets stay open and answer KEEPALIVE, but no market event is sent (a stalled feed). */
  stopEvents(on: boolean): void;
  /** AUTH => AUTH_STATE UNAUTHORIZED, then the socket is closed after ~100 ms. */
  rejectAuth(on: boolean): void;
  /** Every quote token issued so far becomes invalid; sessions using one are unauthorized and closed. */
  expireQuoteTokens(): void;
  /** The next `count` frames to each open socket are malformed; then normal data continues. */
  malformedFrames(count: number): void;
  /**
   * `drop`: an AUTH before AUTH_STATE is refused with the ERROR `AuthException: Session not found:
   * api` (tastyware/tastytrade#339), always or with `probability` (0..1); `accept` (default): kept.
   */
  earlyAuth(mode: "drop" | "accept", probability?: number): void;
  /** Every open FEED channel switches to the FULL data format (FEED_CONFIG, then FULL data). */
  switchToFull(): void;
  /** HTTP 429 for requests touching `symbols`, or for every REST request during `forMs` real ms. */
  rateLimit(opts: { symbols?: string[]; forMs?: number }): void;
  /** Delays every REST response by `ms` real milliseconds. */
  slow(ms: number): void;
  /** REST answers 200 with a body that is not valid JSON or not the expected shape. */
  garbage(on: boolean): void;
  clear(): void;
}
