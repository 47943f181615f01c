import type { OptionId } from "../market";

/** One leg for the margin arithmetic: `sign` +1 long, −1 short; `quantity` contracts. */
export interface MarginLeg {
  id: OptionId;
  sign: 1 | -1;
  quantity: number;
}

/** Fraction of the underlying charged per net short call (undefined risk). */
const NAKED_CALL_RATE = 0.15;

const intrinsic = (id: OptionId, s: number): number =>
  id.right === "C" ? Math.max(0, s - id.strike) : Math.max(0, id.strike - s);

/**
 * Buying-power requirement of an options order, USD: the worst loss at expiration over the strikes
 * (after the net credit, USD per share × 100 per contract) for defined risk; net short calls add
 * a naked charge of 15% of the underlying each.
 * @param netCredit - total credit of the order, USD (negative for a debit)
 * @param spot - underlying level, index points
 */
export function buyingPowerRequirement(legs: readonly MarginLeg[], netCredit: number, spot: number): number {
  const strikes = legs.map((l) => l.id.strike);
  const candidates = [0, ...strikes, Math.max(...strikes, spot) * 2];
  let worst = Infinity;
  for (const s of candidates) {
    const payoff = legs.reduce((sum, l) => sum + l.sign * l.quantity * intrinsic(l.id, s) * 100, 0);
    worst = Math.min(worst, payoff + netCredit);
  }
  const netCalls = legs.filter((l) => l.id.right === "C").reduce((n, l) => n + l.sign * l.quantity, 0);
  const naked = netCalls < 0 ? -netCalls * NAKED_CALL_RATE * spot * 100 : 0;
  return Math.max(0, -worst) + naked;
}

/** Per-contract fees by root, USD: tastytrade-like commission, clearing, regulatory and index fees. */
export interface FeeBreakdown {
  commission: number;
  clearing: number;
  regulatory: number;
  proprietaryIndex: number;
  total: number;
}

const INDEX_FEE: Record<string, number> = {
  SPX: 0.65,
  SPXW: 0.65,
  NDX: 0.25,
  NDXP: 0.25,
  RUT: 0.18,
  RUTW: 0.18,
  XSP: 0,
};

/** Fees of an order: $1 per opening contract (max $10 per leg), $0.10 clearing, $0.03 regulatory. */
export function orderFees(
  legs: ReadonlyArray<{ root: string; quantity: number; opening: boolean }>,
): FeeBreakdown {
  let commission = 0;
  let clearing = 0;
  let regulatory = 0;
  let proprietaryIndex = 0;
  for (const l of legs) {
    if (l.opening) commission += Math.min(10, l.quantity);
    clearing += 0.1 * l.quantity;
    regulatory += 0.03 * l.quantity;
    proprietaryIndex += (INDEX_FEE[l.root] ?? 0) * l.quantity;
  }
  const r = (x: number): number => Math.round(x * 100) / 100;
  return {
    commission: r(commission),
    clearing: r(clearing),
    regulatory: r(regulatory),
    proprietaryIndex: r(proprietaryIndex),
    total: r(commission + clearing + regulatory + proprietaryIndex),
  };
}
