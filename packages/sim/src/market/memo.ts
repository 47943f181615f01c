import { nyDate } from "@stratdeck/core/time";
import { parseStreamerSymbol, type OptionId } from "@stratdeck/core/market-data";

/** Wraps a one-argument function so repeated calls with the same argument reuse the last answer. */
export function memoLast<A, R>(fn: (a: A) => R): (a: A) => R {
  let lastArg: A | undefined;
  let lastResult: R | undefined;
  let filled = false;
  return (a: A): R => {
    if (!filled || a !== lastArg) {
      lastResult = fn(a);
      lastArg = a;
      filled = true;
    }
    return lastResult as R;
  };
}

/**
 * The New York date of an instant, cached for the last instant asked (a publish tick asks for the
 * same instant thousands of times; Intl formatting is the expensive part of pricing otherwise).
 */
export const nyDateOf: (ms: number) => string = memoLast(nyDate);

/**
 * Option quotes of one instant by streamer symbol: asking at a new instant clears it, so a publish
 * tick (or a job run) prices each symbol once however often it is asked.
 */
export class InstantQuoteCache<T> {
  private at = Number.NaN;
  private readonly quotes = new Map<string, T | null>();

  /** Moves to instant `ms` (clearing on a change); true when it changed. */
  moveTo(ms: number): boolean {
    if (ms === this.at) return false;
    this.quotes.clear();
    this.at = ms;
    return true;
  }

  /** Forgets every quote (the market moved). */
  clear(): void {
    this.quotes.clear();
  }

  /** The quote of `symbol` at `ms`, priced by `price` on a miss; null for a non-option symbol. */
  get(symbol: string, ms: number, price: (id: OptionId) => T | null): T | null {
    this.moveTo(ms);
    const hit = this.quotes.get(symbol);
    if (hit !== undefined) return hit;
    const id = parseStreamerSymbol(symbol);
    const q = id ? price(id) : null;
    this.quotes.set(symbol, q);
    return q;
  }
}
