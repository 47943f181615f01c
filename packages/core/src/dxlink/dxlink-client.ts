import WebSocket from "ws";
import type { RawData } from "ws";
import { DEFAULT_CLIENT_OPTIONS } from "./client-options";
import type { DxLinkClientDeps, DxLinkClientOptions, EndReason, SessionEnd } from "./client-options";
import { FeedDecoder } from "./feed-decoder";
import { rawFrameBytes } from "./raw-frame";
import { CLIENT_VERSION } from "./messages";
import type { InboundMessage, OutboundMessage, SubscriptionEntry } from "./messages";
import { chunkSubscription } from "./subscription-chunks";
import { realTimers } from "./timers";
import type { TimerHandle, Timers } from "./timers";

const FEED_CHANNEL = 1;

/**
 * One DXLink session over `ws`: SETUP, AUTH after the server's AUTH_STATE, one FEED channel (COMPACT, explicit fields),
 * subscriptions in bounded chunks, KEEPALIVE, and a receive-silence watchdog. It never reconnects
 * by itself: it ends once (see {@link ended}) and its owner decides what comes next.
 */
export class DxLinkClient {
  /** Resolves once, when the session ends for any reason. */
  readonly ended: Promise<SessionEnd>;
  /** Session milestones, ms since epoch. */
  readonly timings: { startedAt: number; openedAt?: number; authorizedAt?: number; streamingAt?: number };
  /** Last time any frame arrived, ms since epoch. */
  lastReceivedAt = 0;
  private ws: WebSocket | null = null;
  private readonly timers: Timers;
  private readonly options: DxLinkClientOptions;
  private readonly decoder: FeedDecoder;
  private handles: TimerHandle[] = [];
  private authStates = 0;
  private frames = 0;
  private authorized = false;
  private streaming = false;
  private done = false;
  private resolveEnded!: (e: SessionEnd) => void;
  private readyWaiters: ((ok: boolean) => void)[] = [];

  constructor(
    private readonly url: string,
    private readonly token: string,
    private readonly deps: DxLinkClientDeps,
    options: Partial<DxLinkClientOptions> = {},
  ) {
    this.options = { ...DEFAULT_CLIENT_OPTIONS, ...options };
    this.timers = deps.timers ?? realTimers;
    this.decoder = new FeedDecoder(deps.book, deps.warnings, FEED_CHANNEL, this.options.acceptEventFields);
    this.timings = { startedAt: deps.clock.now() };
    this.ended = new Promise((r) => (this.resolveEnded = r));
  }

  /** True between CHANNEL_OPENED (subscriptions sent) and the end of the session. */
  get isStreaming(): boolean {
    return this.streaming && !this.done;
  }

  /** Opens the socket and runs the handshake. */
  start(): void {
    const { clock } = this.deps;
    this.lastReceivedAt = clock.now();
    let ws: WebSocket;
    try {
      ws = new WebSocket(this.url, { handshakeTimeout: this.options.actionTimeoutMs });
    } catch (err) {
      this.end("error", `cannot connect to ${this.url}: ${(err as Error).message}`);
      return;
    }
    this.ws = ws;
    ws.on("open", () => this.onOpen());
    ws.on("message", (data: RawData, isBinary: boolean) => this.onFrame(data, isBinary));
    ws.on("close", (code: number, reason: Buffer) =>
      this.end("closed", reason.toString() || `socket closed (${code})`, code),
    );
    ws.on("error", (err: Error) => this.end("error", err.message));
    this.every(
      () => {
        if (!this.streaming)
          this.end(
            this.frames > 0 && !this.authorized ? "auth" : "timeout",
            this.authorized ? "feed channel not opened in time" : "not authorized in time",
          );
      },
      this.options.actionTimeoutMs,
      false,
    );
    const check = Math.max(10, Math.min(1_000, Math.floor(this.options.keepaliveTimeoutMs / 4)));
    this.every(() => {
      // Before the socket opens the handshake timer is in charge.
      if (this.timings.openedAt === undefined) return;
      const silent = clock.now() - this.lastReceivedAt;
      if (silent > this.options.keepaliveTimeoutMs) this.end("silence", `nothing received for ${silent} ms`);
    }, check);
  }

  /** Resolves true once streaming, false if the session ends first. */
  whenReady(): Promise<boolean> {
    if (this.done) return Promise.resolve(false);
    if (this.streaming) return Promise.resolve(true);
    return new Promise((r) => this.readyWaiters.push(r));
  }

  /** Sends a subscription change (no-op unless streaming; the full set is sent on open). */
  updateSubscriptions(add: readonly SubscriptionEntry[], remove: readonly SubscriptionEntry[]): void {
    if (!this.isStreaming || (add.length === 0 && remove.length === 0)) return;
    for (const f of chunkSubscription(FEED_CHANNEL, { add, remove }, this.options.maxSubscriptionFrameBytes))
      this.send(f);
  }

  /** Ends the session (idempotent). */
  close(reason: EndReason = "stopped", message: string = reason): void {
    this.end(reason, message);
  }

  private every(fn: () => void, ms: number, repeat = true): void {
    this.handles.push(repeat ? this.timers.setInterval(fn, ms) : this.timers.setTimeout(fn, ms));
  }

  private send(msg: OutboundMessage): void {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(msg));
  }

  private onOpen(): void {
    if (this.done) return;
    this.timings.openedAt = this.lastReceivedAt = this.deps.clock.now();
    const keepaliveSeconds = Math.max(1, Math.ceil(this.options.keepaliveTimeoutMs / 1000));
    this.send({
      type: "SETUP",
      channel: 0,
      version: CLIENT_VERSION,
      keepaliveTimeout: keepaliveSeconds,
      acceptKeepaliveTimeout: keepaliveSeconds,
    });
    // AUTH waits for the server's AUTH_STATE UNAUTHORIZED: tastytrade support (quoted in
    // tastyware/tastytrade#338) requires that order, and an earlier AUTH is dropped under load (#339).
    this.every(() => this.send({ type: "KEEPALIVE", channel: 0 }), this.options.keepaliveIntervalMs);
  }

  private onFrame(data: RawData, isBinary: boolean): void {
    if (this.done) return;
    const at = this.deps.clock.now();
    this.lastReceivedAt = at;
    this.frames++;
    if (isBinary) {
      this.deps.warnings.warn("binary-frame");
      return;
    }
    const bytes = rawFrameBytes(data);
    this.deps.onFrame?.(bytes, at);
    const { events, message } = this.decoder.decode(bytes, at);
    if (events > 0) this.deps.onData?.(events, at);
    if (message) this.handle(message, at);
  }

  private handle(msg: InboundMessage, at: number): void {
    const { log } = this.deps;
    switch (msg.type) {
      case "AUTH_STATE":
        this.authStates++;
        if (msg.state === "AUTHORIZED") {
          if (!this.authorized) {
            this.authorized = true;
            this.timings.authorizedAt = at;
            log.info("dxlink.auth", { event: "authorized" });
            this.send({
              type: "CHANNEL_REQUEST",
              channel: FEED_CHANNEL,
              service: "FEED",
              parameters: { contract: "AUTO" },
            });
          }
        } else if (this.authorized || this.authStates > 1) {
          this.end("auth", this.authorized ? "token no longer accepted" : "token rejected");
        } else {
          // The server's UNAUTHORIZED greeting: now AUTH (only a later UNAUTHORIZED is a rejection).
          this.send({ type: "AUTH", channel: 0, token: this.token });
        }
        return;
      case "ERROR":
        log.warn("dxlink.error", { error: msg.error, detail: msg.message, channel: msg.channel });
        if (msg.error === "UNAUTHORIZED") this.end("auth", msg.message ?? "UNAUTHORIZED");
        return;
      case "CHANNEL_OPENED":
        if (msg.channel === FEED_CHANNEL && !this.streaming) this.openFeed(at);
        return;
      case "CHANNEL_CLOSED":
        if (msg.channel === FEED_CHANNEL) this.end("channel-closed", "feed channel closed by server");
        return;
      default: // SETUP, KEEPALIVE, FEED_CONFIG (decoder): receipt already refreshed the watchdog.
        return;
    }
  }

  private openFeed(at: number): void {
    this.send({
      type: "FEED_SETUP",
      channel: FEED_CHANNEL,
      acceptAggregationPeriod: this.options.aggregationPeriodSeconds,
      acceptDataFormat: "COMPACT",
      acceptEventFields: this.options.acceptEventFields,
    });
    const all = [...this.deps.subscriptions()];
    for (const f of chunkSubscription(
      FEED_CHANNEL,
      { reset: true, add: all },
      this.options.maxSubscriptionFrameBytes,
    ))
      this.send(f);
    this.streaming = true;
    this.timings.streamingAt = at;
    for (const w of this.readyWaiters.splice(0)) w(true);
  }

  private end(reason: EndReason, message: string, code?: number): void {
    if (this.done) return;
    this.done = true;
    for (const h of this.handles) {
      this.timers.clearTimeout(h);
      this.timers.clearInterval(h);
    }
    this.handles = [];
    const ws = this.ws;
    if (ws && ws.readyState !== WebSocket.CLOSED) {
      if (reason === "stopped" || reason === "token-refresh") {
        // Polite close, but never wait ws's 30 s close timeout (SIGTERM must finish in 10 s).
        ws.close(1000, reason);
        const kill = this.timers.setTimeout(() => ws.terminate(), 1_000);
        // Cleared once the close completes, so a stopped session holds no timer.
        ws.once("close", () => this.timers.clearTimeout(kill));
      } else ws.terminate();
    }
    const now = this.deps.clock.now();
    const streamedMs = this.timings.streamingAt !== undefined ? now - this.timings.streamingAt : 0;
    for (const w of this.readyWaiters.splice(0)) w(false);
    this.resolveEnded({
      reason,
      message,
      ...(code !== undefined ? { code } : {}),
      opened: this.timings.openedAt !== undefined,
      responded: this.frames > 0,
      authorized: this.authorized,
      streamedMs,
    });
  }
}
