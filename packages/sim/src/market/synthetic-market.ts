import { settlementInstant, type Clock } from "@stratdeck/core/time";
import type { SimMarket, SimOptionQuote } from "../types";
import { priceOption } from "./option-pricer";
import { InstantQuoteCache, nyDateOf } from "./memo";
import { hashString } from "./prng";
import { SpotPath } from "./spot-path";
import type { OptionId } from "@stratdeck/core/market-data";
import { rootSpec, seededStart, underlyingSpec, UNDERLYINGS, type UnderlyingSpec } from "./underlyings";
import { ivIndexAt } from "./vol-surface";

/** Realised volatility of the walk relative to the starting IV index. */
const REALISED_TO_IMPLIED = 0.85;

interface Walked {
  spec: UnderlyingSpec;
  path: SpotPath;
  /** Level at the origin: the reference of the IV-index response. */
  reference: number;
  /** IV index at the reference level, annualised fraction. */
  baseIv: number;
}

/**
 * The seeded synthetic market: a random walk per index (XSP follows SPX / 10), an IV index that
 * rises as the index falls, and options priced on demand (cached for the current instant).
 */
export class SyntheticMarket implements SimMarket {
  private readonly walked = new Map<string, Walked>();
  private walkEnabled = true;
  private readonly cache = new InstantQuoteCache<SimOptionQuote>();

  constructor(
    readonly seed: number,
    readonly clock: Clock,
  ) {
    const origin = clock.now();
    for (const spec of UNDERLYINGS) {
      if (spec.follows) continue;
      const start = seededStart(seed, spec.symbol);
      const baseIv = spec.ivLow + start.ivRank * (spec.ivHigh - spec.ivLow);
      const stream = hashString(spec.symbol);
      const path = new SpotPath(seed, stream, start.level, baseIv * REALISED_TO_IMPLIED, origin);
      this.walked.set(spec.symbol, { spec, path, reference: start.level, baseIv });
    }
  }

  underlyings(): string[] {
    return UNDERLYINGS.map((u) => u.symbol);
  }

  spot(underlying: string): number {
    return this.spotAt(underlying, this.clock.now());
  }

  /** Index points at an instant (ms since epoch), rounded to 0.01. */
  spotAt(underlying: string, ms: number): number {
    const { walked, ratio } = this.resolve(underlying);
    return Math.round(walked.path.at(ms) * ratio * 100) / 100;
  }

  setSpot(underlying: string, price: number): void {
    const { walked, ratio } = this.resolve(underlying);
    walked.path.anchor(this.clock.now(), price / ratio, !this.walkEnabled);
    this.cache.clear();
  }

  move(underlying: string, fraction: number): void {
    this.setSpot(underlying, this.spot(underlying) * (1 + fraction));
  }

  setWalk(enabled: boolean): void {
    const now = this.clock.now();
    for (const w of this.walked.values()) w.path.anchor(now, w.path.at(now), !enabled);
    this.walkEnabled = enabled;
    this.cache.clear();
  }

  /** 30-day ATM implied volatility (the IV index) at an instant, annualised fraction. */
  ivIndexAt(underlying: string, ms: number): number {
    const { walked } = this.resolve(underlying);
    const { spec } = walked;
    const logReturn = Math.log(walked.path.at(ms) / walked.reference);
    return ivIndexAt(walked.baseIv, logReturn, spec.ivLow, spec.ivHigh);
  }

  ivRank(underlying: string): number {
    return this.ivRankAt(underlying, this.clock.now());
  }

  /** IV rank at an instant: where the IV index sits in its 52-week range, fraction 0..1. */
  ivRankAt(underlying: string, ms: number): number {
    const spec = this.resolve(underlying).walked.spec;
    const rank = (this.ivIndexAt(underlying, ms) - spec.ivLow) / (spec.ivHigh - spec.ivLow);
    return Math.min(1, Math.max(0, rank));
  }

  optionQuote(streamerSymbol: string): SimOptionQuote | null {
    return this.optionQuoteOf(streamerSymbol, this.clock.now());
  }

  /**
   * An option's quote at an instant by streamer symbol, cached for that instant (one publish tick
   * prices each symbol once however many sessions and event types ask).
   */
  optionQuoteOf(streamerSymbol: string, ms: number): SimOptionQuote | null {
    return this.cache.get(streamerSymbol, ms, (id) => this.optionQuoteAt(id, ms));
  }

  /** An option's quote at an instant; null for unknown roots or dates before that instant's NY date. */
  optionQuoteAt(id: OptionId, ms: number): SimOptionQuote | null {
    const found = rootSpec(id.root);
    if (!found || !(id.strike > 0) || id.date < nyDateOf(ms)) return null;
    const { u, r } = found;
    return priceOption({
      id,
      spot: this.spotAt(u.symbol, ms),
      rate: u.rate,
      dividendYield: u.dividendYield,
      ivIndex: this.ivIndexAt(u.symbol, ms),
      expiresAt: settlementInstant(id.date, r.settlement),
      now: ms,
      tickSizes: r.tickSizes,
    });
  }

  private resolve(underlying: string): { walked: Walked; ratio: number } {
    const spec = underlyingSpec(underlying);
    if (!spec) throw new Error(`unknown underlying ${underlying}`);
    const target = spec.follows?.symbol ?? spec.symbol;
    const walked = this.walked.get(target);
    if (!walked) throw new Error(`unknown underlying ${underlying}`);
    return { walked, ratio: spec.follows?.ratio ?? 1 };
  }
}
