import { nextTradingDay, sessionOn, isTradingDay } from "@stratdeck/core/time";
import { seededStart } from "../underlyings";
import {
  MARKET_DYNAMICS,
  UNDERLYING_DYNAMICS,
  type MarketDynamics,
  type UnderlyingDynamics,
} from "./dynamics-params";
import { IV_INDEX_YEARS, impliedVolForTenor } from "./implied-vol";
import { SeededRng } from "./seeded-rng";
import { walkSession, type IndexSession, type IndexState } from "./session-path";

/** Options of {@link MarketHistory}. */
export interface MarketHistoryOptions {
  seed: number;
  /** First session of the history, `YYYY-MM-DD` (moved to the next trading day if needed). */
  start: string;
  /**
   * From this date on (inclusive), sessions draw from another seed: the same past, a different
   * future (how the no-look-ahead test proves decisions never read ahead).
   */
  fork?: { from: string; seed: number };
  /** Market-wide parameters (default {@link MARKET_DYNAMICS}). */
  market?: MarketDynamics;
  /** Per-index parameters (default {@link UNDERLYING_DYNAMICS}). */
  underlyings?: Readonly<Record<string, UnderlyingDynamics>>;
}

/** One generated session. */
export interface StoredSession {
  date: string;
  /** ms since epoch. */
  openAt: number;
  closeAt: number;
  minutes: number;
  /** Per walked index, in {@link MarketHistory.symbols} order. */
  paths: IndexSession[];
  /** IV index at the close per index, annualised fraction. */
  ivClose: number[];
  /** Lowest / highest IV-index close of the look-back before this session, per index. */
  rankLow: number[];
  rankHigh: number[];
}

/** A point of the path: values at the last minute mark at or before the asked instant. */
export interface PathPoint {
  logPrice: number;
  logVol: number;
  /** When this value was printed, ms since epoch (≤ the asked instant). */
  stampMs: number;
  session: StoredSession;
}

const MINUTE_MS = 60_000;
const dayNumber = (date: string): number => Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);

/**
 * The seeded path of every walked index, generated session by session on demand (forward only,
 * each session from its own generator seeded by the market seed and the date). Between sessions
 * the price rests at the close; inside one it changes every minute.
 */
export class MarketHistory {
  readonly market: MarketDynamics;
  readonly symbols: string[];
  private readonly params: UnderlyingDynamics[];
  private readonly states: IndexState[];
  private readonly sessions: StoredSession[] = [];
  /** The session after the last generated one (computed once per session: calendar math is slow). */
  private nextOpen = { after: "", date: "", at: Number.NEGATIVE_INFINITY };

  constructor(private readonly options: MarketHistoryOptions) {
    this.market = options.market ?? MARKET_DYNAMICS;
    const table = options.underlyings ?? UNDERLYING_DYNAMICS;
    this.symbols = Object.keys(table);
    this.params = this.symbols.map((s) => table[s] as UnderlyingDynamics);
    const rng = new SeededRng(options.seed, 0x5eed, dayNumber(options.start));
    this.states = this.symbols.map((symbol, i) => {
      const p = this.params[i] as UnderlyingDynamics;
      const stationarySd = p.volOfVol / Math.sqrt(2 * p.kappa);
      return {
        symbol,
        params: p,
        logPrice: Math.log(seededStart(options.seed, symbol).level),
        logVol: Math.log(p.medianVol) + stationarySd * rng.normal(),
      };
    });
  }

  /** Parameters of a walked index by its position in {@link symbols}. */
  paramsOf(index: number): UnderlyingDynamics {
    return this.params[index] as UnderlyingDynamics;
  }

  /** The path at an instant (generating sessions up to it); the first open before the history starts. */
  pointAt(index: number, ms: number): PathPoint {
    this.ensure(ms);
    const k = this.locate(ms);
    const session = this.sessions[Math.max(0, k)] as StoredSession;
    const path = session.paths[index] as IndexSession;
    let i: number;
    let stampMs: number;
    if (k < 0) {
      i = 0;
      stampMs = session.openAt;
    } else if (ms >= session.closeAt) {
      i = session.minutes;
      stampMs = session.closeAt;
    } else {
      i = Math.floor((ms - session.openAt) / MINUTE_MS);
      stampMs = session.openAt + i * MINUTE_MS;
    }
    return { logPrice: path.logPrice[i] ?? 0, logVol: path.logVol[i] ?? 0, stampMs, session };
  }

  /** Sessions generated so far (oldest first). */
  generated(): readonly StoredSession[] {
    return this.sessions;
  }

  /** Generates sessions until the one in force at `ms` exists. */
  ensure(ms: number): void {
    if (this.sessions.length === 0)
      this.generate(
        isTradingDay(this.options.start) ? this.options.start : nextTradingDay(this.options.start),
      );
    for (;;) {
      const last = this.sessions[this.sessions.length - 1] as StoredSession;
      if (last.closeAt >= ms || this.nextOpen.at > ms) return;
      if (this.nextOpen.after !== last.date) {
        const date = nextTradingDay(last.date);
        this.nextOpen = { after: last.date, date, at: sessionOn(date)?.openAt ?? Infinity };
        if (this.nextOpen.at > ms) return;
      }
      this.generate(this.nextOpen.date);
    }
  }

  private generate(date: string): void {
    const s = sessionOn(date);
    if (!s) throw new Error(`${date} is not an NYSE trading day`);
    const fork = this.options.fork;
    const seed = fork && date >= fork.from ? fork.seed : this.options.seed;
    const rng = new SeededRng(seed, 0xda7, dayNumber(date));
    const minutes = Math.round((s.closeAt - s.openAt) / MINUTE_MS);
    const paths = walkSession(this.states, this.market, rng, minutes);
    const ivClose = this.states.map((st, i) =>
      impliedVolForTenor(this.params[i] as UnderlyingDynamics, this.market, st.logVol, IV_INDEX_YEARS),
    );
    const from = Math.max(0, this.sessions.length - this.market.ivRankSessions);
    const window = this.sessions.slice(from);
    const rankLow = ivClose.map((_, i) => Math.min(...window.map((w) => w.ivClose[i] ?? Infinity)));
    const rankHigh = ivClose.map((_, i) => Math.max(...window.map((w) => w.ivClose[i] ?? -Infinity)));
    this.sessions.push({
      date,
      openAt: s.openAt,
      closeAt: s.closeAt,
      minutes,
      paths,
      ivClose,
      rankLow,
      rankHigh,
    });
  }

  /** Index of the last session opened at or before `ms`, −1 before the first. */
  private locate(ms: number): number {
    let lo = 0;
    let hi = this.sessions.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((this.sessions[mid] as StoredSession).openAt <= ms) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }
}
