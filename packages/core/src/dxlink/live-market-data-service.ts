import type { Snapshot } from "../market-data/snapshot";
import { DxLinkClient } from "./dxlink-client";
import type { SessionEnd } from "./client-options";
import { MarketBook, toSnapshot } from "./market-book";
import type { SubscriptionEntry } from "./messages";
import { QuoteTokenKeeper } from "./quote-token";
import type { QuoteTokenGrant } from "./quote-token";
import { DEFAULT_BACKOFF, ReconnectBackoff } from "./reconnect-backoff";
import { SubscriptionSet } from "./subscription-set";
import { ThrottledWarnings } from "./throttled-warnings";
import { realTimers, sleep } from "./timers";
import type { Timers } from "./timers";
import { scheduleTokenRefresh } from "./token-refresh";
import type {
  LiveMarketDataDeps,
  LiveMarketDataOptions,
  LiveMarketDataStats,
  StreamState,
} from "./live-market-data-types";

/**
 * Live market data over DXLink that does not silently die: reconnects after a close, an error,
 * receive silence or an auth failure (exponential backoff with jitter, capped, reset after a
 * healthy session), fetches a fresh quote token when the old one is rejected or near expiry,
 * resubscribes everything after each reconnect, and stops cleanly on an AbortSignal.
 */
export class LiveMarketDataService {
  /** Latest state per symbol (mutated by the decoder). */
  readonly book = new MarketBook();
  private readonly subs = new SubscriptionSet();
  private readonly keeper: QuoteTokenKeeper;
  private readonly backoff: ReconnectBackoff;
  private readonly warnings: ThrottledWarnings;
  private readonly timers: Timers;
  private client: DxLinkClient | null = null;
  private state: StreamState = "idle";
  private counters = { connects: 0, reconnects: 0, authFailures: 0, events: 0 };
  private eventAt: number | null = null;
  private connectedAt: number | null = null;
  private lastDisconnect: LiveMarketDataStats["lastDisconnect"] = null;

  constructor(
    private readonly deps: LiveMarketDataDeps,
    private readonly options: LiveMarketDataOptions = {},
  ) {
    this.timers = deps.timers ?? realTimers;
    this.keeper = new QuoteTokenKeeper(deps.tokens, deps.clock, deps.log, options.tokenRefreshBeforeMs);
    this.backoff = new ReconnectBackoff({ ...DEFAULT_BACKOFF, ...options.backoff }, deps.random);
    this.warnings = new ThrottledWarnings(deps.log, deps.clock);
  }

  /** Last event received from the feed, ms since epoch, or null before the first. */
  get lastEventAt(): number | null {
    return this.eventAt;
  }

  /** When `symbol` last had an event, ms since epoch; undefined when it never had one. */
  symbolUpdatedAt(symbol: string): number | undefined {
    return this.book.get(symbol)?.updatedAt;
  }

  /** Streaming and an event arrived within `maxStaleSeconds`. */
  isHealthy(maxStaleSeconds = 5): boolean {
    return (
      this.state === "streaming" &&
      this.eventAt !== null &&
      this.deps.clock.now() - this.eventAt <= maxStaleSeconds * 1000
    );
  }

  /** The latest state of `symbol` if its last event is at most `maxAgeSeconds` old, else null. */
  getSnapshot(symbol: string, opts: { maxAgeSeconds: number }): Snapshot | null {
    const st = this.book.get(symbol);
    if (!st || this.deps.clock.now() - st.updatedAt > opts.maxAgeSeconds * 1000) return null;
    return toSnapshot(st, st.updatedAt);
  }

  /** Replaces the whole subscription set; the difference is sent at once when streaming. */
  setSubscriptions(entries: Iterable<SubscriptionEntry>): { added: number; removed: number } {
    const diff = this.subs.replace(entries);
    this.applyDiff(diff.add, diff.remove, diff.droppedSymbols);
    return { added: diff.add.length, removed: diff.remove.length };
  }

  /** Adds subscriptions. */
  subscribe(entries: Iterable<SubscriptionEntry>): void {
    this.applyDiff(this.subs.add(entries), [], []);
  }

  /** Removes subscriptions. */
  unsubscribe(entries: Iterable<SubscriptionEntry>): void {
    const { remove, droppedSymbols } = this.subs.remove(entries);
    this.applyDiff([], remove, droppedSymbols);
  }

  /** Currently subscribed symbols. */
  subscribedSymbols(): string[] {
    return this.subs.symbols();
  }

  stats(): LiveMarketDataStats {
    return {
      state: this.state,
      ...this.counters,
      tokenFetches: this.keeper.fetches,
      lastEventAt: this.eventAt,
      connectedAt: this.connectedAt,
      tokenExpiresAt: this.keeper.current()?.expiresAt ?? null,
      subscriptions: this.subs.size,
      symbols: this.subs.symbolCount,
      malformed: this.warnings.totals(),
      lastDisconnect: this.lastDisconnect,
    };
  }

  /** Connects and keeps the feed alive until `signal` aborts; resolves when fully stopped. */
  async run(signal: AbortSignal): Promise<void> {
    const { log } = this.deps;
    while (!signal.aborted) {
      this.state = "connecting";
      let grant: QuoteTokenGrant;
      try {
        grant = await this.keeper.get();
      } catch {
        await this.pause(0, "token-fetch-failed", signal);
        continue;
      }
      if (signal.aborted) break;
      const end = await this.session(grant, signal);
      this.connectedAt = null;
      this.lastDisconnect = { reason: end.reason, message: end.message, at: this.deps.clock.now() };
      if (end.code !== undefined) this.lastDisconnect.code = end.code;
      const { message: detail, ...rest } = end;
      log[end.reason === "stopped" ? "info" : "warn"]("dxlink.disconnect", { ...rest, detail });
      if (signal.aborted) break;
      // A server that answered but never authorized us (closed, or went quiet) is treated as
      // a rejected token: tastytrade's reaction to a bad token is not documented.
      const planned = end.reason === "token-refresh";
      if (end.reason === "auth" || (end.responded && !end.authorized && !planned)) {
        this.counters.authFailures++;
        this.keeper.invalidate();
        log.warn("dxlink.auth", { event: "rejected", reason: end.reason, detail: end.message });
      }
      if (planned) {
        this.counters.reconnects++;
        log.info("dxlink.reconnect", { attempt: 0, delayMs: 0, reason: end.reason });
      } else await this.pause(end.streamedMs, end.reason, signal);
    }
    this.state = "stopped";
  }

  private async session(grant: QuoteTokenGrant, signal: AbortSignal): Promise<SessionEnd> {
    const { clock, log } = this.deps;
    const url = this.options.dxlinkUrl ?? grant.dxlinkUrl;
    const client = new DxLinkClient(
      url,
      grant.token,
      {
        clock,
        log,
        book: this.book,
        warnings: this.warnings,
        timers: this.timers,
        subscriptions: () => this.subs.entries(),
        ...(this.deps.onFrame ? { onFrame: this.deps.onFrame } : {}),
        onData: (n, at) => {
          this.counters.events += n;
          this.eventAt = at;
        },
      },
      this.options,
    );
    this.client = client;
    const onAbort = (): void => client.close("stopped");
    signal.addEventListener("abort", onAbort, { once: true });
    const refresh = scheduleTokenRefresh({
      keeper: this.keeper,
      clock,
      timers: this.timers,
      retryMs: this.options.backoff?.maxMs ?? DEFAULT_BACKOFF.maxMs,
      renew: () => client.close("token-refresh", "quote token near expiry"),
    });
    client.start();
    if (await client.whenReady()) {
      this.state = "streaming";
      this.counters.connects++;
      this.connectedAt = clock.now();
      log.info("dxlink.connect", {
        url: redactUrl(url),
        connectMs: clock.now() - client.timings.startedAt,
        subscriptions: this.subs.size,
        connects: this.counters.connects,
      });
    }
    const end = await client.ended;
    signal.removeEventListener("abort", onAbort);
    refresh.cancel();
    this.client = null;
    return end;
  }

  private async pause(streamedMs: number, reason: string, signal: AbortSignal): Promise<void> {
    if (signal.aborted) return;
    const delayMs = this.backoff.next(streamedMs);
    this.state = "backoff";
    this.counters.reconnects++;
    this.deps.log.info("dxlink.reconnect", { attempt: this.backoff.attempts, delayMs, reason });
    await sleep(delayMs, signal, this.timers);
  }

  private applyDiff(add: SubscriptionEntry[], remove: SubscriptionEntry[], droppedSymbols: string[]): void {
    for (const e of add) this.book.revive(e.symbol);
    this.client?.updateSubscriptions(add, remove);
    for (const s of droppedSymbols) this.book.delete(s);
  }
}

/** The URL without query string or credentials (quote tokens never go in URLs, but be safe). */
function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return "invalid-url";
  }
}
