/** The shape of one leg needed for payoff maths. */
export interface PayoffLeg {
  side: "short" | "long";
  optionType: "C" | "P";
  /** Index points. */
  strike: number;
  /** Contracts per spread. */
  ratio: number;
}

/** Intrinsic value of an option at an underlying price, USD per share in whole cents. */
export function intrinsicValue(optionType: "C" | "P", strike: number, underlying: number): number {
  const cents = Math.round((optionType === "C" ? underlying - strike : strike - underlying) * 100);
  return Math.max(0, cents) / 100;
}

/**
 * Debit to close one spread at expiry (its intrinsic value to the seller), USD per share:
 * Σ short intrinsic − Σ long intrinsic, each × ratio. Negative when the longs are worth more.
 */
export function expiryDebit(legs: readonly PayoffLeg[], underlying: number): number {
  let v = 0;
  for (const l of legs)
    v += (l.side === "short" ? 1 : -1) * l.ratio * intrinsicValue(l.optionType, l.strike, underlying);
  return Number(v.toFixed(6));
}

/** Risk profile of one spread opened for `credit`. */
export interface SpreadProfile {
  /** Widest wing (highest minus lowest strike of one option type), index points. */
  width: number;
  /** Best outcome at expiry, USD per share. */
  maxProfit: number;
  /** Worst outcome at expiry as a positive number, USD per share (Infinity when unbounded). */
  maxLoss: number;
  /** Underlying prices where the expiry P&L crosses zero, ascending, index points. */
  breakevens: number[];
}

/** Expiry profile of a spread of European legs, from its piecewise-linear payoff. */
export function spreadProfile(legs: readonly PayoffLeg[], credit: number): SpreadProfile {
  const strikes = [...new Set(legs.map((l) => l.strike))].sort((a, b) => a - b);
  const pnl = (s: number): number => credit - expiryDebit(legs, s);
  const points = [0, ...strikes];
  const values = points.map(pnl);
  const last = strikes[strikes.length - 1] ?? 0;
  const slopeRight = pnl(last + 1) - pnl(last);
  const breakevens: number[] = [];
  for (let i = 1; i < points.length; i++) {
    const a = values[i - 1] as number;
    const b = values[i] as number;
    if (a < 0 !== b < 0) {
      const x0 = points[i - 1] as number;
      const x1 = points[i] as number;
      breakevens.push(Number((x0 + ((0 - a) * (x1 - x0)) / (b - a)).toFixed(6)));
    }
  }
  const atLast = values[values.length - 1] as number;
  if (slopeRight !== 0 && atLast < 0 !== slopeRight < 0 && atLast !== 0) {
    breakevens.push(Number((last - atLast / slopeRight).toFixed(6)));
  }
  const widths = (["P", "C"] as const).map((t) => {
    const ks = legs.filter((l) => l.optionType === t).map((l) => l.strike);
    return ks.length > 1 ? Math.max(...ks) - Math.min(...ks) : 0;
  });
  return {
    width: Math.max(...widths),
    maxProfit: slopeRight > 0 ? Infinity : Math.max(...values),
    maxLoss: slopeRight < 0 ? Infinity : Math.max(0, -Math.min(...values)),
    breakevens,
  };
}

/** A per-share amount of a whole position in integer cents: USD per share × multiplier × quantity. */
export function positionCents(perShare: number, multiplier: number, quantity: number): number {
  return Math.round(perShare * multiplier * 100) * quantity;
}

/** Realised or open P&L of a position, cents: (entry credit − debit to close) × multiplier × quantity. */
export function pnlCents(
  entryCredit: number,
  exitDebit: number,
  multiplier: number,
  quantity: number,
): number {
  return positionCents(entryCredit - exitDebit, multiplier, quantity);
}
