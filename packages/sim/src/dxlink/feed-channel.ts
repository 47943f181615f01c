import type { Log } from "@stratdeck/core/log";
import type { SyntheticMarket } from "../market";
import { parseCandleSymbol, type CandleSymbol } from "./candle-period";
import { candleAt, candleHistory, priceSeries } from "./candles";
import { compactData, fullData } from "./encode";
import { DEFAULT_EVENT_FIELDS, isEventType, type EventType } from "./event-fields";
import type { EventRecord, EventSource } from "./event-source";
import type { SubscriptionItem } from "./messages";

interface Subscription {
  type: EventType;
  symbol: string;
  candle?: CandleSymbol;
  fromTime?: number;
  /** Signature of the last event sent (time stamps excluded), to send only changes. */
  lastSig?: string;
  /** Bucket of the last candle sent. */
  lastStart?: number;
}

/** What a channel needs from its session and the simulator. */
export interface FeedDeps {
  market: SyntheticMarket;
  events: EventSource;
  publishIntervalMs: number;
  log: Log;
  send(frame: Record<string, unknown>): void;
}

const TIME_FIELDS = new Set(["eventTime", "time", "bidTime", "askTime", "index", "sequence", "timeNanoPart"]);

/** What the client would see of an event, time stamps aside: equal signatures need no resend. */
function signature(e: EventRecord, fields: readonly string[]): string {
  let sig = "";
  for (const f of fields) if (!TIME_FIELDS.has(f)) sig += `${String(e[f])}|`;
  return sig;
}

/**
 * One FEED channel: its accepted configuration (aggregation period, data format, field lists per
 * event type), its subscriptions, and the publishing of initial values, changes and candles.
 */
export class FeedChannel {
  private aggregationSeconds: number;
  private dataFormat: "COMPACT" | "FULL" = "COMPACT";
  private readonly requested = new Map<string, string[]>();
  private readonly announced = new Map<string, readonly string[]>();
  private readonly subs = new Map<string, Subscription>();
  private ticksSincePublish = 0;

  constructor(
    readonly id: number,
    private readonly deps: FeedDeps,
  ) {
    this.aggregationSeconds = deps.publishIntervalMs / 1000;
  }

  /** Active subscriptions. */
  get size(): number {
    return this.subs.size;
  }

  /** Announced field lists (what COMPACT rows of each type carry), for the malformed-frame knob. */
  announcedFields(): ReadonlyMap<string, readonly string[]> {
    return this.announced;
  }

  /**
   * FEED_SETUP: merges the accepted configuration and answers FEED_CONFIG without `eventFields`,
   * as tastytrade does (observed: tastytrade "Streaming Market Data" page, tastyware/tastytrade#190).
   * The fields follow lazily in a FEED_CONFIG before the first COMPACT data of each type (see
   * `sendData`), as the dxLink spec allows (asyncapi.yml FEED_CONFIG) and the official feed needs.
   */
  setup(msg: {
    acceptAggregationPeriod?: number;
    acceptDataFormat?: "FULL" | "COMPACT";
    acceptEventFields?: Record<string, string[]>;
  }): void {
    if (msg.acceptAggregationPeriod !== undefined) this.aggregationSeconds = msg.acceptAggregationPeriod;
    if (msg.acceptDataFormat !== undefined) this.dataFormat = msg.acceptDataFormat;
    // Rows of a requested type follow the requested order, verbatim (tastyware's SDK parses rows
    // by position with exactly its own list: dxfeed/*.py); a new list is announced before use.
    for (const [type, fields] of Object.entries(msg.acceptEventFields ?? {}))
      this.requested.set(type, fields);
    this.sendConfig();
  }

  /** Switches the data format mid-session (seen on tastytrade: tastyware/tastytrade#343, #346). */
  switchFormat(format: "FULL" | "COMPACT"): void {
    if (this.dataFormat === format) return;
    this.dataFormat = format;
    this.sendConfig();
  }

  /** FEED_SUBSCRIPTION: reset, then remove, then add; added subscriptions get their data at once. */
  subscribe(
    now: number,
    msg: { reset?: boolean; remove?: SubscriptionItem[]; add?: SubscriptionItem[] },
  ): void {
    if (msg.reset) this.subs.clear();
    for (const r of msg.remove ?? []) this.subs.delete(`${r.type}:${r.symbol}`);
    const added: Subscription[] = [];
    for (const a of msg.add ?? []) {
      if (!isEventType(a.type)) continue;
      const sub: Subscription = { type: a.type, symbol: a.symbol };
      if (a.type === "Candle") {
        const c = parseCandleSymbol(a.symbol);
        if (!c) continue;
        sub.candle = c;
        sub.fromTime = a.fromTime ?? now;
      }
      this.subs.set(`${a.type}:${a.symbol}`, sub);
      added.push(sub);
    }
    if (added.length > 0) this.publish(now, added, true);
  }

  /** Called every publish interval; publishes changes once the aggregation period has passed. */
  tick(now: number): void {
    this.ticksSincePublish += 1;
    const every = Math.max(1, Math.round((this.aggregationSeconds * 1000) / this.deps.publishIntervalMs));
    if (this.ticksSincePublish < every) return;
    this.ticksSincePublish = 0;
    this.publish(now, [...this.subs.values()], false);
  }

  private publish(now: number, subs: Subscription[], initial: boolean): void {
    const byType = new Map<string, EventRecord[]>();
    const push = (type: string, events: EventRecord[]): void => {
      if (events.length === 0) return;
      const list = byType.get(type) ?? [];
      list.push(...events);
      byType.set(type, list);
    };
    for (const sub of subs) {
      try {
        push(
          sub.type,
          sub.candle ? this.candleEvents(sub, now, initial) : this.tickerEvents(sub, now, initial),
        );
      } catch (e) {
        this.deps.log.warn("sim.dxlink.event-error", {
          symbol: sub.symbol,
          type: sub.type,
          error: (e as Error).message,
        });
      }
    }
    for (const [type, events] of byType) this.sendData(type, events);
  }

  private tickerEvents(sub: Subscription, now: number, initial: boolean): EventRecord[] {
    const e = this.deps.events.event(sub.type, sub.symbol, now);
    if (!e) return [];
    const sig = signature(e, this.fieldsOf(sub.type));
    if (!initial && sig === sub.lastSig) return [];
    sub.lastSig = sig;
    return [e];
  }

  private candleEvents(sub: Subscription, now: number, initial: boolean): EventRecord[] {
    const c = sub.candle as CandleSymbol;
    const priceAt = priceSeries(this.deps.market, c.base);
    if (!priceAt) return [];
    const iv = this.impliedVol(c.base, now);
    if (initial) {
      const history = candleHistory(sub.symbol, c, sub.fromTime ?? now, now, priceAt, iv);
      sub.lastStart = c.startOf(now);
      sub.lastSig = signature({ ...history[0], eventFlags: 0 }, this.fieldsOf("Candle"));
      return history;
    }
    const start = c.startOf(now);
    const out: EventRecord[] = [];
    if (sub.lastStart !== undefined && start !== sub.lastStart) {
      out.push(candleAt(sub.symbol, c, sub.lastStart, now, priceAt, iv));
    }
    const live = candleAt(sub.symbol, c, start, now, priceAt, iv);
    const sig = signature(live, this.fieldsOf("Candle"));
    if (sig !== sub.lastSig || out.length > 0) out.push(live);
    sub.lastSig = sig;
    sub.lastStart = start;
    return out;
  }

  private impliedVol(base: string, now: number): number {
    const m = this.deps.market;
    if (m.underlyings().includes(base)) return m.ivIndexAt(base, now);
    // At the tick's instant: a second instant would empty the market's per-instant quote cache.
    return m.optionQuoteOf(base, now)?.iv ?? NaN;
  }

  private fieldsOf(type: string): readonly string[] {
    return (
      this.requested.get(type) ?? DEFAULT_EVENT_FIELDS[type as EventType] ?? ["eventType", "eventSymbol"]
    );
  }

  private sendConfig(eventFields?: Record<string, readonly string[]>): void {
    this.deps.send({
      type: "FEED_CONFIG",
      channel: this.id,
      aggregationPeriod: this.aggregationSeconds,
      dataFormat: this.dataFormat,
      ...(eventFields ? { eventFields } : {}),
    });
  }

  /**
   * One event type per FEED_DATA (the official JS feed and tastyware decode `data[0..1]` only). A
   * COMPACT frame of a type is preceded once by a FEED_CONFIG naming its fields, the requested list
   * or {@link DEFAULT_EVENT_FIELDS}: the official feed drops COMPACT rows of a type it has no fields
   * for ("Cannot find event fields", @dxfeed/dxlink-feed 0.3.0), yet it streams from tastytrade.
   */
  private sendData(type: string, events: EventRecord[]): void {
    const fields = this.fieldsOf(type);
    if (this.dataFormat === "COMPACT" && this.announced.get(type) !== fields) {
      this.announced.set(type, fields);
      this.sendConfig({ [type]: fields });
    }
    const frames =
      this.dataFormat === "COMPACT" ? compactData(type, fields, events) : fullData(type, fields, events);
    for (const data of frames) this.deps.send({ type: "FEED_DATA", channel: this.id, data });
  }
}
