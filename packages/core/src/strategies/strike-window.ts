import type { ChainStrike } from "../market-data/option-chain";
import type { TargetRange } from "./config-types";
import { strikeForDelta } from "./lognormal";
import { findStrike, lowerBound, priceOption, type ExpiryModel, type PricedOption } from "./priced-option";
import type { QuoteBook } from "./quote-book";

/** Strikes added on each side of the delta window (the estimate is only a guess). */
const PAD = 2;
/** Most strikes quoted per window: bounds quote traffic on dense chains. */
const MAX_WINDOW = 60;
/** Re-aims of the window with the IV observed in the previous one. */
const MAX_ATTEMPTS = 3;

/**
 * The strikes of one right of one expiration that a side selection quotes and prices: greeks are
 * computed only for strikes in the window (and wings on demand), never for the whole chain.
 */
export class StrikeWindow {
  /** Priced options by strike index; null = asked, no usable quote. */
  readonly priced = new Map<number, PricedOption | null>();

  constructor(
    readonly strikes: readonly ChainStrike[],
    readonly right: "C" | "P",
    private readonly book: QuoteBook,
    private readonly model: ExpiryModel,
  ) {}

  /** Streamer symbol of strike `i` for this right. */
  symbol(i: number): string {
    const s = this.strikes[i]!;
    return this.right === "C" ? s.callStreamer : s.putStreamer;
  }

  /** The priced option at strike `i` (from quotes already fetched), memoised. */
  price(i: number): PricedOption | null {
    let p = this.priced.get(i);
    if (p === undefined) {
      const q = this.book.get(this.symbol(i));
      p = q ? priceOption(this.strikes[i]!, this.right, q, this.model) : null;
      this.priced.set(i, p);
    }
    return p;
  }

  /**
   * Quotes the strikes whose Black-Scholes |delta| at `volGuess` lies in `rule.delta` (binary search
   * on the strike found by inverting delta), padded, with their wings `rule.width` further out; then
   * re-aims with the mean IV quoted in the window until some priced |delta| lies on each side of
   * the target. Returns the last window's index range (inclusive).
   */
  async aim(
    rule: { width: number; delta: TargetRange },
    volGuess: number,
  ): Promise<{ lo: number; hi: number }> {
    const { strikes, right } = this;
    const n = strikes.length;
    const out = right === "C" ? 1 : -1;
    const { delta } = rule;
    let vol = volGuess;
    let lo = 0;
    let hi = n - 1;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const { spot, years, rate, dividendYield } = this.model;
      const m = { spot, years, rate, dividendYield, vol };
      const kNear = strikeForDelta(right, delta.max, m);
      const kFar = strikeForDelta(right, delta.min, m);
      lo = Math.max(0, lowerBound(strikes, Math.min(kNear, kFar)) - PAD);
      hi = Math.min(n - 1, lowerBound(strikes, Math.max(kNear, kFar)) + PAD);
      if (hi - lo + 1 > MAX_WINDOW) {
        lo = Math.max(0, lowerBound(strikes, strikeForDelta(right, delta.target, m)) - MAX_WINDOW / 2);
        hi = Math.min(n - 1, lo + MAX_WINDOW - 1);
      }
      const need: string[] = [];
      for (let i = lo; i <= hi; i++) {
        need.push(this.symbol(i));
        const w = findStrike(strikes, strikes[i]!.strike + out * rule.width);
        if (w >= 0) need.push(this.symbol(w));
      }
      await this.book.ensure(need);
      let ivSum = 0;
      let ivCount = 0;
      for (let i = lo; i <= hi; i++) {
        const p = this.price(i);
        if (p?.iv === undefined) continue;
        ivSum += p.iv;
        ivCount++;
      }
      let above = false;
      let below = false;
      for (const p of this.priced.values()) {
        if (p?.delta === undefined) continue;
        if (Math.abs(p.delta) >= delta.target) above = true;
        if (Math.abs(p.delta) <= delta.target) below = true;
      }
      if ((above && below) || ivCount === 0) break;
      const seen = ivSum / ivCount;
      if (Math.abs(seen - vol) < 0.005) break;
      vol = seen;
    }
    return { lo, hi };
  }
}
