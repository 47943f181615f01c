import { FeedDecoder, MarketBook, type SymbolState, ThrottledWarnings } from "@stratdeck/core/dxlink";
import { silentLog } from "@stratdeck/core/log";
import {
  type ChainExpiration,
  type OptionChain,
  occSymbol,
  parseStreamerSymbol,
  streamerSymbol,
} from "@stratdeck/core/market-data";
import { rootSpec } from "../market/underlyings";
import type { StampedOptionQuote } from "../market/dynamics/dynamic-market";
import { readFrameRecording } from "@stratdeck/core/stream";
import { daysBetween, nyDate, settlementInstant } from "@stratdeck/core/time";
import type { BacktestMarket } from "./backtest-market";

const MINUTE_MS = 60_000;
const FEED_CHANNEL = 1;

/** One symbol's recorded states: each known from `knownAt` (a minute mark) on, printed at `stamp`. */
interface Timeline {
  knownAt: number[];
  stamp: number[];
  bid: number[];
  ask: number[];
  last: number[];
  iv: number[];
  delta: number[];
}

/**
 * A {@link BacktestMarket} over a recording of DXLink frames (`stratdeck stream --record`): the
 * frames are decoded with the stream's own decoder, and each symbol's state is sampled at every
 * minute mark, known from that mark on (a job at t sees only frames received before t). The chain is
 * the option symbols recorded so far. DXLink carries no IV index, so IV rank is unknown in a replay.
 */
export class RecordedMarket implements BacktestMarket {
  private constructor(
    private readonly timelines: Map<string, Timeline>,
    /** First and last receive time, ms since epoch. */
    readonly firstAt: number,
    readonly lastAt: number,
    readonly frames: number,
  ) {}

  /** Reads and indexes a recording file. */
  static async load(path: string): Promise<RecordedMarket> {
    const book = new MarketBook();
    const clock = { now: () => 0 };
    const decoder = new FeedDecoder(book, new ThrottledWarnings(silentLog, clock), FEED_CHANNEL);
    const timelines = new Map<string, Timeline>();
    const seen = new Map<SymbolState, number>();
    const encoder = new TextEncoder();
    let minute = Number.NaN;
    let first = Number.NaN;
    let last = Number.NaN;
    let frames = 0;
    const sample = (mark: number): void => {
      for (const st of book.values()) {
        if (st.version === 0 || seen.get(st) === st.version) continue;
        seen.set(st, st.version);
        let tl = timelines.get(st.symbol);
        if (!tl)
          timelines.set(
            st.symbol,
            (tl = { knownAt: [], stamp: [], bid: [], ask: [], last: [], iv: [], delta: [] }),
          );
        tl.knownAt.push(mark);
        tl.stamp.push(st.updatedAt);
        tl.bid.push(st.bid);
        tl.ask.push(st.ask);
        tl.last.push(st.last);
        tl.iv.push(st.iv);
        tl.delta.push(st.delta);
      }
    };
    for await (const frame of readFrameRecording(path)) {
      const m = Math.floor(frame.t / MINUTE_MS);
      if (m !== minute && !Number.isNaN(minute)) sample(m * MINUTE_MS);
      minute = m;
      if (Number.isNaN(first)) first = frame.t;
      last = frame.t;
      decoder.decode(encoder.encode(frame.f), frame.t);
      frames++;
    }
    if (frames === 0) throw new Error(`${path}: the recording holds no frames`);
    sample((minute + 1) * MINUTE_MS);
    return new RecordedMarket(timelines, first, last, frames);
  }

  /** New York dates of the first and last frame. */
  range(): { from: string; to: string } {
    return { from: nyDate(this.firstAt), to: nyDate(this.lastAt) };
  }

  underlyings(): string[] {
    return [...this.timelines.keys()].filter((s) => !s.startsWith(".")).sort();
  }

  spotAt(underlying: string, ms: number): number {
    const { tl, i } = this.at(underlying, ms);
    if (!tl || i < 0) return Number.NaN;
    const bid = tl.bid[i] ?? NaN;
    const ask = tl.ask[i] ?? NaN;
    return Number.isFinite(bid) && Number.isFinite(ask)
      ? Math.round(((bid + ask) / 2) * 100) / 100
      : (tl.last[i] ?? NaN);
  }

  stampAt(underlying: string, ms: number): number {
    const { tl, i } = this.at(underlying, ms);
    return tl && i >= 0 ? (tl.stamp[i] ?? ms) : ms;
  }

  ivIndexAt(): number | undefined {
    return undefined;
  }

  ivRankAt(): number | undefined {
    return undefined;
  }

  optionQuoteOf(streamerSymbol: string, ms: number): StampedOptionQuote | null {
    const { tl, i } = this.at(streamerSymbol, ms);
    if (!tl || i < 0) return null;
    const bid = tl.bid[i] ?? NaN;
    const ask = tl.ask[i] ?? NaN;
    if (!Number.isFinite(bid) && !Number.isFinite(ask)) return null;
    return {
      bid,
      ask,
      mid: Number.isFinite(bid) && Number.isFinite(ask) ? (bid + ask) / 2 : NaN,
      iv: tl.iv[i] ?? NaN,
      delta: tl.delta[i] ?? NaN,
      gamma: NaN,
      theta: NaN,
      vega: NaN,
      rho: NaN,
      theo: NaN,
      stampMs: tl.stamp[i] ?? ms,
    };
  }

  /** The chain of the option symbols recorded (known) by `ms`, unexpired. */
  chainAt(underlying: string, ms: number): OptionChain {
    const today = nyDate(ms);
    const roots = new Map<string, Map<string, Set<number>>>();
    for (const [symbol, tl] of this.timelines) {
      if (!symbol.startsWith(".") || (tl.knownAt[0] ?? Infinity) > ms) continue;
      const id = parseStreamerSymbol(symbol);
      const spec = id ? rootSpec(id.root) : undefined;
      if (!id || !spec || spec.u.symbol !== underlying) continue;
      if (settlementInstant(id.date, spec.r.settlement) <= ms) continue;
      const dates = roots.get(id.root) ?? new Map<string, Set<number>>();
      roots.set(id.root, dates);
      dates.set(id.date, (dates.get(id.date) ?? new Set()).add(id.strike));
    }
    return {
      underlying,
      fetchedAt: ms,
      roots: [...roots].sort().map(([root, dates]) => {
        const spec = rootSpec(root)?.r;
        return {
          root,
          sharesPerContract: 100,
          tickSizes: (spec?.tickSizes ?? []).map((t) => ({ ...t })),
          expirations: [...dates].sort().map(([date, strikes]): ChainExpiration => ({
            date,
            dte: daysBetween(today, date),
            settlement: spec?.settlement ?? "PM",
            expirationType: spec?.settlement === "AM" ? "Regular" : "Weekly",
            strikes: [...strikes]
              .sort((a, b) => a - b)
              .map((strike) => {
                const call = { root, date, right: "C" as const, strike };
                const put = { ...call, right: "P" as const };
                return {
                  strike,
                  callOcc: occSymbol(call),
                  callStreamer: streamerSymbol(call),
                  putOcc: occSymbol(put),
                  putStreamer: streamerSymbol(put),
                };
              }),
          })),
        };
      }),
    };
  }

  /** Index of the last state of `symbol` known at `ms` (−1 before the first). */
  private at(symbol: string, ms: number): { tl: Timeline | undefined; i: number } {
    const tl = this.timelines.get(symbol);
    if (!tl) return { tl, i: -1 };
    let lo = 0;
    let hi = tl.knownAt.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((tl.knownAt[mid] ?? Infinity) <= ms) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return { tl, i: found };
  }
}
