import type { Log } from "../log/log";
import type {
  MarketDataProvider,
  MarketMetrics,
  Quote,
  UnderlyingPrice,
} from "../market-data/market-data-provider";
import type { OptionChain } from "../market-data/option-chain";
import type { Snapshot } from "../market-data/snapshot";
import { snapshotAgeMs } from "../market-data/snapshot";
import { LOCAL_STREAM_CADENCE, snapshotMaxAgeMs } from "../market-data/snapshot-max-age";
import type { SnapshotStore } from "../market-data/snapshot-store";
import type { Clock } from "../time/clock";
import { restQuotePrice, type MarketDataType } from "./market-data-wire";
import { marketDataTypeOf, occToStreamer, streamerToOcc } from "./symbology";
import {
  describeFailure,
  restQuote,
  snapshotMid,
  snapshotQuote,
  taHint,
  type KnownPrice,
} from "./price-precedence";
import type { TastyRestClient } from "./tasty-rest-client";

/** The REST calls the provider uses. */
export type ProviderRest = Pick<TastyRestClient, "getMarketData" | "getMarketMetrics" | "getNestedChain">;

/** Freshness limits of {@link TastyMarketDataProvider}. */
export interface ProviderOptions {
  /** Oldest streaming snapshot used as a live price, ms (default `snapshotMaxAgeMs` of the local cadence, 16 000). */
  streamMaxAgeMs?: number;
  /** Oldest price used as a TA hint (stale snapshot, last REST price), ms (default 4 days). */
  taHintMaxAgeMs?: number;
  /** How long IV metrics are reused, ms (default 5 min). */
  metricsTtlMs?: number;
}

/** What the provider is built from. */
export interface ProviderDeps {
  rest: ProviderRest;
  snapshots: SnapshotStore;
  clock: Clock;
  log: Log;
}

/**
 * The one place that answers "what is the price of X": a fresh streaming snapshot mid, then a REST
 * mark/mid (skipped while the symbol is in cooldown), then a low-confidence TA hint (stale mid,
 * last or previous close), then none. Every answer names its source and age and why earlier
 * sources were skipped.
 */
export class TastyMarketDataProvider implements MarketDataProvider {
  private readonly streamMaxAgeMs: number;
  private readonly taHintMaxAgeMs: number;
  private readonly metricsTtlMs: number;
  /** Last live price seen per symbol (stream or REST), a TA-hint source when both fail later. */
  private readonly lastKnown = new Map<string, KnownPrice>();
  private readonly metrics = new Map<string, { at: number; value: MarketMetrics }>();

  constructor(
    private readonly deps: ProviderDeps,
    options: ProviderOptions = {},
  ) {
    this.streamMaxAgeMs = options.streamMaxAgeMs ?? snapshotMaxAgeMs(LOCAL_STREAM_CADENCE);
    this.taHintMaxAgeMs = options.taHintMaxAgeMs ?? 4 * 86_400_000;
    this.metricsTtlMs = options.metricsTtlMs ?? 300_000;
  }

  async getUnderlyingPrice(symbol: string): Promise<UnderlyingPrice> {
    const now = this.deps.clock.now();
    const skipped: string[] = [];
    let snap: Snapshot | null = null;
    try {
      snap = await this.deps.snapshots.get(symbol, { maxAgeMs: Number.POSITIVE_INFINITY });
    } catch (err) {
      skipped.push(`stream: snapshot store failed (${(err as Error).message})`);
    }
    const mid = snap ? snapshotMid(snap) : undefined;
    if (snap && mid !== undefined && snapshotAgeMs(snap, now) <= this.streamMaxAgeMs) {
      return this.live(symbol, mid, "stream", snap.writtenAt, now, skipped);
    }
    if (snap) {
      const age = snapshotAgeMs(snap, now);
      skipped.push(
        mid === undefined
          ? "stream: snapshot has no bid/ask"
          : `stream: stale ${age}ms > ${this.streamMaxAgeMs}ms`,
      );
    } else if (skipped.length === 0) {
      skipped.push("stream: no snapshot");
    }

    try {
      const res = await this.deps.rest.getMarketData({ [marketDataTypeOf(symbol)]: [symbol] });
      const q = res.items.find((i) => i.symbol === symbol);
      const price = q ? restQuotePrice(q) : undefined;
      const c = res.cooldown[0];
      if (q && price !== undefined) return this.live(symbol, price, "rest", q.updatedAt ?? now, now, skipped);
      if (c) skipped.push(`rest: cooldown until ${new Date(c.until).toISOString()} (${c.reason})`);
      else skipped.push(q ? "rest: quote has no price" : "rest: symbol not in response");
    } catch (err) {
      skipped.push(`rest: ${describeFailure(err)}`);
    }

    const hint = taHint(snap, this.lastKnown.get(symbol), now, this.taHintMaxAgeMs);
    if (hint.price) {
      return {
        price: hint.price.price,
        source: "ta-hint",
        ageMs: now - hint.price.asOf,
        asOf: hint.price.asOf,
        lowConfidence: true,
        skipped,
      };
    }
    skipped.push(`ta-hint: ${hint.why}`);
    this.deps.log.warn("price.none", { symbol, skipped });
    return { price: null, source: "none", skipped };
  }

  async getQuotes(streamerSymbols: readonly string[]): Promise<Map<string, Quote>> {
    const now = this.deps.clock.now();
    const out = new Map<string, Quote>();
    try {
      const snaps = await this.deps.snapshots.getMany(streamerSymbols, { maxAgeMs: this.streamMaxAgeMs });
      for (const [sym, s] of snaps) {
        if (snapshotMid(s) !== undefined) out.set(sym, snapshotQuote(s, now));
      }
    } catch (err) {
      this.deps.log.warn("price.stream-unavailable", { error: err as Error });
    }
    const missing = [...new Set(streamerSymbols)].filter((s) => !out.has(s));
    if (missing.length === 0) return out;

    const byType: Partial<Record<MarketDataType, string[]>> = {};
    const restToStreamer = new Map<string, string>();
    for (const s of missing) {
      const rest = s.startsWith(".") ? streamerToOcc(s) : s;
      if (!rest) continue;
      restToStreamer.set(rest, s);
      (byType[marketDataTypeOf(rest)] ??= []).push(rest);
    }
    try {
      const res = await this.deps.rest.getMarketData(byType);
      for (const q of res.items) {
        const streamer = restToStreamer.get(q.symbol) ?? occToStreamer(q.symbol) ?? q.symbol;
        const quote = restQuote(streamer, q, now);
        if (quote) out.set(streamer, quote);
      }
      if (res.cooldown.length > 0) this.deps.log.debug("price.cooldown-skip", { count: res.cooldown.length });
    } catch (err) {
      this.deps.log.warn("price.rest-failed", { count: missing.length, reason: describeFailure(err) });
    }
    return out;
  }

  getChain(underlying: string): Promise<OptionChain> {
    return this.deps.rest.getNestedChain(underlying);
  }

  async getMetrics(underlying: string): Promise<MarketMetrics> {
    const now = this.deps.clock.now();
    const hit = this.metrics.get(underlying);
    if (hit && now - hit.at < this.metricsTtlMs) return hit.value;
    try {
      const res = await this.deps.rest.getMarketMetrics([underlying]);
      const m = res.items.find((i) => i.symbol === underlying);
      if (m) {
        this.metrics.set(underlying, { at: now, value: m });
        return m;
      }
    } catch (err) {
      this.deps.log.warn("price.metrics-failed", { symbol: underlying, reason: describeFailure(err) });
    }
    return hit?.value ?? { symbol: underlying };
  }

  private live(
    symbol: string,
    price: number,
    source: "stream" | "rest",
    asOf: number,
    now: number,
    skipped: string[],
  ): UnderlyingPrice {
    this.lastKnown.set(symbol, { price, asOf });
    return { price, source, ageMs: Math.max(0, now - asOf), asOf, lowConfidence: false, skipped };
  }
}
