import { DEFAULT_FEE_SCHEDULE, orderFees as scheduleFees } from "@stratdeck/core/ledger/fee-model";
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

/** Fees of an order, USD, as the broker's `fee-calculation` reports them. */
export interface FeeBreakdown {
  commission: number;
  clearing: number;
  regulatory: number;
  proprietaryIndex: number;
  total: number;
}

/** One leg for the fee arithmetic: contracts, opening or closing, sold or bought, USD per share. */
export interface FeeOrderLeg {
  quantity: number;
  opening: boolean;
  sell: boolean;
  price: number;
}

/**
 * Fees of an order, USD: tastytrade's published schedule through core's fee model (the one paper
 * fills and the live model use: {@link DEFAULT_FEE_SCHEDULE}, dated, XSP's 10-contract tier, no
 * per-leg cap for index options), opening and closing legs each at their own commission.
 * @param at - when the order is priced, ms since epoch (picks the schedule's period)
 */
export function orderFees(underlying: string, legs: readonly FeeOrderLeg[], at: number): FeeBreakdown {
  const sum = { commission: 0, clearing: 0, regulatory: 0, proprietaryIndex: 0, total: 0 };
  for (const opening of [true, false]) {
    const side = legs.filter((l) => l.opening === opening);
    if (side.length === 0) continue;
    const f = scheduleFees(DEFAULT_FEE_SCHEDULE, {
      underlying,
      kind: opening ? "open" : "close",
      quantity: 1,
      multiplier: 100,
      legs: side.map((l) => ({ action: l.sell ? "sell" : "buy", ratio: l.quantity, price: l.price })),
      at,
    });
    sum.commission += f.commissionCents;
    sum.clearing += f.clearingCents;
    sum.regulatory += f.regulatoryCents;
    sum.proprietaryIndex += f.proprietaryCents;
    sum.total += f.totalCents;
  }
  return {
    commission: sum.commission / 100,
    clearing: sum.clearing / 100,
    regulatory: sum.regulatory / 100,
    proprietaryIndex: sum.proprietaryIndex / 100,
    total: sum.total / 100,
  };
}
