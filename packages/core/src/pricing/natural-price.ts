/** One leg of a spread order as its natural price sees it. */
export interface NaturalLeg {
  /** The order sells this leg (it trades at the bid); otherwise it buys it (at the ask). */
  sell: boolean;
  /** Contracts of this leg per spread. */
  ratio: number;
  /** USD per share; absent (or not finite) when that side is not quoted. */
  bid?: number | undefined;
  /** USD per share; absent (or not finite) when that side is not quoted. */
  ask?: number | undefined;
}

/** Float noise allowed below a whole cent before flooring (1.15 × 100 is 114.99999999999999). */
const CENT_NOISE = 1e-6;

/**
 * The price one leg trades at when it takes the market: a sold leg at its bid, a bought leg at its
 * ask, USD per share; undefined when that side is not quoted.
 */
export function naturalLegPrice(leg: NaturalLeg): number | undefined {
  const px = leg.sell ? leg.bid : leg.ask;
  return px !== undefined && Number.isFinite(px) ? px : undefined;
}

/**
 * The natural price of one spread (every sold leg at its bid, every bought leg at its ask), signed
 * USD per share: positive is a net credit received, negative a net debit paid. It serves opening
 * credits and debits and closing orders alike. Rounded to whole cents against the trader: a credit
 * down, a debit up. Undefined when a side a leg needs is not quoted.
 */
export function naturalNetCredit(legs: readonly NaturalLeg[]): number | undefined {
  let cents = 0;
  for (const leg of legs) {
    const px = naturalLegPrice(leg);
    if (px === undefined) return undefined;
    cents += (leg.sell ? px : -px) * 100 * leg.ratio;
  }
  return Math.floor(cents + CENT_NOISE) / 100;
}
