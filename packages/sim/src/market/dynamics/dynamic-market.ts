import { MS_PER_YEAR } from "@stratdeck/core/pricing";
import { settlementInstant } from "@stratdeck/core/time";
import type { SimOptionQuote } from "../../types";
import { InstantQuoteCache, nyDateOf } from "../memo";
import { priceOption } from "../option-pricer";
import type { OptionId } from "@stratdeck/core/market-data";
import { rootSpec, underlyingSpec } from "../underlyings";
import { smileAt } from "../surface-smile";
import { IV_INDEX_YEARS, impliedVolForTenor } from "./implied-vol";
import { MarketHistory, type MarketHistoryOptions, type PathPoint } from "./market-history";

/** An option quote with the instant its inputs were printed. */
export interface StampedOptionQuote extends SimOptionQuote {
  /** ms since epoch: the minute mark the underlying and vol were taken from (≤ the asked instant). */
  stampMs: number;
}

/**
 * The unrigged synthetic market of the backtest: every index follows its own seeded stochastic-
 * volatility path with jumps ({@link MarketHistory}); XSP is SPX / 10; option quotes are priced on a
 * surface whose level, term structure and skew follow the path's volatility. It has no setters:
 * nothing outside the seed moves it.
 */
export class DynamicMarket {
  readonly history: MarketHistory;
  private readonly cache = new InstantQuoteCache<StampedOptionQuote>();
  /** Implied vols of the cached instant by underlying and tenor (every quote of a tick shares them). */
  private readonly vols = new Map<string, Map<number, number>>();
  private readonly resolved = new Map<string, { index: number; ratio: number } | undefined>();

  constructor(options: MarketHistoryOptions) {
    this.history = new MarketHistory(options);
  }

  /** `["SPX","XSP","RUT","NDX"]`: the underlyings with a path (XSP through SPX). */
  underlyings(): string[] {
    return ["SPX", "XSP", "RUT", "NDX"].filter((s) => this.resolve(s) !== undefined);
  }

  /** Index points at an instant (the last minute mark at or before it), rounded to 0.01. */
  spotAt(underlying: string, ms: number): number {
    const { point, ratio } = this.point(underlying, ms);
    return Math.round(Math.exp(point.logPrice) * ratio * 100) / 100;
  }

  /** When the value {@link spotAt} returns was printed, ms since epoch (≤ `ms`). */
  stampAt(underlying: string, ms: number): number {
    return this.point(underlying, ms).point.stampMs;
  }

  /** Implied volatility of a tenor (years) at an instant, annualised fraction. */
  impliedVolAt(underlying: string, years: number, ms: number): number {
    this.at(ms);
    let byTenor = this.vols.get(underlying);
    if (!byTenor) this.vols.set(underlying, (byTenor = new Map<number, number>()));
    const hit = byTenor.get(years);
    if (hit !== undefined) return hit;
    const { point, index } = this.point(underlying, ms);
    const vol = impliedVolForTenor(this.history.paramsOf(index), this.history.market, point.logVol, years);
    byTenor.set(years, vol);
    return vol;
  }

  /** The 30-day IV index at an instant, annualised fraction. */
  ivIndexAt(underlying: string, ms: number): number {
    return this.impliedVolAt(underlying, IV_INDEX_YEARS, ms);
  }

  /** IV rank: the IV index within the range of the previous 252 closes (and itself), fraction 0..1. */
  ivRankAt(underlying: string, ms: number): number {
    const { point, index } = this.point(underlying, ms);
    const iv = this.ivIndexAt(underlying, ms);
    const low = Math.min(iv, point.session.rankLow[index] ?? iv);
    const high = Math.max(iv, point.session.rankHigh[index] ?? iv);
    return high > low ? (iv - low) / (high - low) : 0.5;
  }

  /** An option's quote at an instant by streamer symbol (cached per instant); null when unknown or expired. */
  optionQuoteOf(streamerSymbol: string, ms: number): StampedOptionQuote | null {
    this.at(ms);
    return this.cache.get(streamerSymbol, ms, (id) => this.optionQuoteAt(id, ms));
  }

  /** An option's quote at an instant; null for unknown roots or dates before that instant's New York date. */
  optionQuoteAt(id: OptionId, ms: number): StampedOptionQuote | null {
    const found = rootSpec(id.root);
    if (!found || !(id.strike > 0) || id.date < nyDateOf(ms)) return null;
    const { u, r } = found;
    if (!this.resolve(u.symbol)) return null;
    const expiresAt = settlementInstant(id.date, r.settlement);
    const stampMs = this.stampAt(u.symbol, ms);
    const years = Math.max(0, (expiresAt - stampMs) / MS_PER_YEAR);
    const ivIndex = this.ivIndexAt(u.symbol, ms);
    const q: SimOptionQuote & { stampMs?: number } = priceOption({
      id,
      spot: this.spotAt(u.symbol, ms),
      rate: u.rate,
      dividendYield: u.dividendYield,
      ivIndex,
      atmVol: this.impliedVolAt(u.symbol, years, ms),
      smile: smileAt(this.history.market.smile, ivIndex),
      expiresAt,
      now: stampMs,
      tickSizes: r.tickSizes,
    });
    q.stampMs = stampMs;
    return q as StampedOptionQuote;
  }

  /** Moves the per-instant caches to `ms`. */
  private at(ms: number): void {
    if (this.cache.moveTo(ms)) this.vols.clear();
  }

  private resolve(underlying: string): { index: number; ratio: number } | undefined {
    if (this.resolved.has(underlying)) return this.resolved.get(underlying);
    const r = this.lookup(underlying);
    this.resolved.set(underlying, r);
    return r;
  }

  private lookup(underlying: string): { index: number; ratio: number } | undefined {
    const spec = underlyingSpec(underlying);
    if (!spec) return undefined;
    const target = spec.follows?.symbol ?? spec.symbol;
    const index = this.history.symbols.indexOf(target);
    return index < 0 ? undefined : { index, ratio: spec.follows?.ratio ?? 1 };
  }

  private point(underlying: string, ms: number): { point: PathPoint; index: number; ratio: number } {
    const r = this.resolve(underlying);
    if (!r) throw new Error(`unknown underlying ${underlying}`);
    return { point: this.history.pointAt(r.index, ms), ...r };
  }
}
