import type { OptionId } from "@stratdeck/core/market-data";
import { MS_PER_YEAR } from "@stratdeck/core/pricing";
import { sessionOn, settlementInstant } from "@stratdeck/core/time";
import type { StampedOptionQuote } from "../../market/dynamics/dynamic-market";
import { SeededRng } from "../../market/dynamics/seeded-rng";
import { InstantQuoteCache, nyDateOf } from "../../market/memo";
import { priceOption } from "../../market/option-pricer";
import { rootSpec, UNDERLYINGS } from "../../market/underlyings";
import type { BacktestMarket } from "../backtest-market";
import type { DailyBar, DailySeries } from "./daily-csv";
import { barsOn, closesBefore, sessionBars } from "./history-calendar";
import { intradayPath } from "./intraday-path";
import {
  REPLAY_SURFACE,
  replaySurface,
  type ReplaySurface,
  type ReplaySurfaceParams,
  type VolIndexLevels,
} from "./replay-surface";

/** The files of a replay, parsed. */
export interface HistoryFiles {
  /** Daily OHLC of the underlying. */
  history: DailySeries;
  /** The 30-day volatility index (VIX for SPX). */
  vol: DailySeries;
  vol9d?: DailySeries;
  vol3m?: DailySeries;
}

/** Options of {@link HistoryMarket.create}. */
export interface HistoryMarketOptions extends HistoryFiles {
  /** The index the history is of (`SPX`; XSP follows it at 1/10). */
  underlying: string;
  /** The NYSE trading days of the replay, ascending. */
  days: readonly string[];
  /** Seed of the intraday paths. */
  seed: number;
  /** Default {@link REPLAY_SURFACE}. */
  surface?: ReplaySurfaceParams;
}

/** Closes of the volatility index behind the IV rank (a year of sessions). */
export const IV_RANK_SESSIONS = 252;
const MINUTE_MS = 60_000;
const VOL_KEYS = ["vol", "vol9d", "vol3m"] as const;
type VolKey = (typeof VOL_KEYS)[number];

/** One replayed session. */
interface ReplaySession {
  date: string;
  openAt: number;
  closeAt: number;
  minutes: number;
  bar: DailyBar;
  /** Index level at the open and the close per volatility index given, points. */
  volOpen: Partial<Record<VolKey, number>>;
  volClose: Partial<Record<VolKey, number>>;
  /** Lowest / highest 30-day index close of the year before (IV rank), points. */
  rankLow: number;
  rankHigh: number;
}

const dayNumber = (date: string): number => Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);

/** Opening level of a volatility index: its own open (OHLC files), else the previous close. */
function volOpenOf(series: DailySeries, bar: DailyBar): number {
  if (series.layout === "ohlc") return bar.open;
  return closesBefore(series, bar.date, 1)[0] ?? bar.close;
}

/**
 * A {@link BacktestMarket} replaying real daily history: the underlying follows a seeded intraday
 * path through each day's open, high, low and close ({@link intradayPath}), resting at the close
 * between sessions; a volatility index moves from its open (or the previous close) to its close
 * linearly in log over the session; options are priced on {@link replaySurface} of the indexes'
 * levels at that minute. Every value is stamped with the minute mark it was printed at.
 */
export class HistoryMarket implements BacktestMarket {
  private readonly paths = new Map<number, Float64Array>();
  private readonly cache = new InstantQuoteCache<StampedOptionQuote>();
  private readonly followers: Map<string, number>;
  private lastSurface: { ms: number; underlying: string; surface: ReplaySurface | null } | null = null;

  private constructor(
    private readonly sessions: ReplaySession[],
    private readonly underlying: string,
    private readonly seed: number,
    private readonly params: ReplaySurfaceParams,
  ) {
    this.followers = new Map([
      [underlying, 1],
      ...UNDERLYINGS.filter((u) => u.follows?.symbol === underlying).map(
        (u) => [u.symbol, u.follows?.ratio ?? 1] as [string, number],
      ),
    ]);
  }

  /** Builds the replay's sessions; every missing or uncovered day is a `HistoryFileError`. */
  static create(o: HistoryMarketOptions): HistoryMarket {
    const bars = sessionBars(o.history, o.days);
    const vols = VOL_KEYS.map((k) => {
      const s = o[k];
      return s ? { k, s, bars: barsOn(s, o.days, `the replay of ${o.history.file}`) } : null;
    }).filter((v) => v !== null);
    const sessions = bars.map((bar, i): ReplaySession => {
      const session = sessionOn(bar.date);
      if (!session) throw new Error(`${bar.date} is not an NYSE trading day`);
      const volOpen: ReplaySession["volOpen"] = {};
      const volClose: ReplaySession["volClose"] = {};
      for (const v of vols) {
        const vb = v.bars[i] as DailyBar;
        volOpen[v.k] = volOpenOf(v.s, vb);
        volClose[v.k] = vb.close;
      }
      const year = closesBefore(o.vol, bar.date, IV_RANK_SESSIONS);
      const minutes = Math.round((session.closeAt - session.openAt) / MINUTE_MS);
      return {
        date: bar.date,
        openAt: session.openAt,
        closeAt: session.closeAt,
        minutes,
        bar,
        volOpen,
        volClose,
        rankLow: year.length ? Math.min(...year) : Number.NaN,
        rankHigh: year.length ? Math.max(...year) : Number.NaN,
      };
    });
    return new HistoryMarket(sessions, o.underlying, o.seed, o.surface ?? REPLAY_SURFACE);
  }

  /** The history's underlying and those following it (SPX and XSP). */
  underlyings(): string[] {
    return [...this.followers.keys()];
  }

  /** The underlying's close of each replayed session, index points. */
  closes(): { date: string; close: number }[] {
    return this.sessions.map((s) => ({ date: s.date, close: s.bar.close }));
  }

  spotAt(underlying: string, ms: number): number {
    const ratio = this.followers.get(underlying);
    const at = ratio === undefined ? null : this.locate(ms);
    if (ratio === undefined || !at) return Number.NaN;
    const price = this.pathOf(at.index)[at.minute] as number;
    return Math.round(price * ratio * 100) / 100;
  }

  stampAt(underlying: string, ms: number): number {
    const at = this.followers.has(underlying) ? this.locate(ms) : null;
    return at ? at.stampMs : Number.NaN;
  }

  /** The 30-day ATM implied volatility (the surface at the VIX's tenor), annualised fraction. */
  ivIndexAt(underlying: string, ms: number): number | undefined {
    const levels = this.levelsAt(underlying, ms);
    return levels ? this.params.atmRatio * levels.vol : undefined;
  }

  /** The volatility index within the range of its previous 252 closes (and itself), 0..1. */
  ivRankAt(underlying: string, ms: number): number | undefined {
    const at = this.followers.has(underlying) ? this.locate(ms) : null;
    const levels = this.levelsAt(underlying, ms);
    if (!at || !levels) return undefined;
    const s = this.sessions[at.index] as ReplaySession;
    if (Number.isNaN(s.rankLow)) return undefined;
    const v = levels.vol * 100;
    const low = Math.min(v, s.rankLow);
    const high = Math.max(v, s.rankHigh);
    return high > low ? (v - low) / (high - low) : 0.5;
  }

  optionQuoteOf(streamerSymbol: string, ms: number): StampedOptionQuote | null {
    return this.cache.get(streamerSymbol, ms, (id) => this.optionQuoteAt(id, ms));
  }

  /** The surface in force at an instant (null before the first session or for another underlying). */
  surfaceAt(underlying: string, ms: number): ReplaySurface | null {
    const last = this.lastSurface;
    if (last && last.ms === ms && last.underlying === underlying) return last.surface;
    const levels = this.levelsAt(underlying, ms);
    const surface = levels ? replaySurface(levels, this.params) : null;
    this.lastSurface = { ms, underlying, surface };
    return surface;
  }

  private optionQuoteAt(id: OptionId, ms: number): StampedOptionQuote | null {
    const found = rootSpec(id.root);
    if (!found || !(id.strike > 0) || id.date < nyDateOf(ms)) return null;
    const { u, r } = found;
    const surface = this.surfaceAt(u.symbol, ms);
    const spot = this.spotAt(u.symbol, ms);
    if (!surface || !Number.isFinite(spot)) return null;
    const expiresAt = settlementInstant(id.date, r.settlement);
    const stampMs = this.stampAt(u.symbol, ms);
    const years = Math.max(0, (expiresAt - stampMs) / MS_PER_YEAR);
    const atmVol = surface.atmVol(years);
    const q = priceOption({
      id,
      spot,
      rate: u.rate,
      dividendYield: u.dividendYield,
      ivIndex: atmVol,
      atmVol,
      smile: surface.smile,
      expiresAt,
      now: stampMs,
      tickSizes: r.tickSizes,
    });
    return { ...q, stampMs };
  }

  /** Levels of the volatility indexes at an instant, fractions (interpolated over the session). */
  private levelsAt(underlying: string, ms: number): VolIndexLevels | null {
    const at = this.followers.has(underlying) ? this.locate(ms) : null;
    if (!at) return null;
    const s = this.sessions[at.index] as ReplaySession;
    const f = at.minute / s.minutes;
    const level = (k: VolKey): number | undefined => {
      const a = s.volOpen[k];
      const b = s.volClose[k];
      return a === undefined || b === undefined
        ? undefined
        : Math.exp(Math.log(a) + (Math.log(b) - Math.log(a)) * f) / 100;
    };
    const vol = level("vol") as number;
    const vol9d = level("vol9d");
    const vol3m = level("vol3m");
    return { vol, ...(vol9d !== undefined ? { vol9d } : {}), ...(vol3m !== undefined ? { vol3m } : {}) };
  }

  private pathOf(index: number): Float64Array {
    const hit = this.paths.get(index);
    if (hit) return hit;
    const s = this.sessions[index] as ReplaySession;
    const path = intradayPath(s.bar, s.minutes, new SeededRng(this.seed, 0x41157, dayNumber(s.date)));
    if (this.paths.size > 64) this.paths.delete(this.paths.keys().next().value as number);
    this.paths.set(index, path);
    return path;
  }

  /** The session in force at `ms` and the minute mark read (null before the first open). */
  private locate(ms: number): { index: number; minute: number; stampMs: number } | null {
    let lo = 0;
    let hi = this.sessions.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((this.sessions[mid] as ReplaySession).openAt <= ms) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const s = this.sessions[found];
    if (!s) return null;
    if (ms >= s.closeAt) return { index: found, minute: s.minutes, stampMs: s.closeAt };
    const minute = Math.floor((ms - s.openAt) / MINUTE_MS);
    return { index: found, minute, stampMs: s.openAt + minute * MINUTE_MS };
  }
}
