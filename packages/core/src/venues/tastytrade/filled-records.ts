import type { EntryRecords } from "../../ledger/entry-order";
import { spreadOrderFees, type FeeSchedule } from "../../ledger/fee-model";
import { positionCents, spreadProfile } from "../../ledger/payoff";
import type { OrderFills } from "./order-fills";

const r4 = (x: number): number => Math.round(x * 10_000) / 10_000;

/**
 * The order-log records of a live entry as the broker filled it: quantity = spreads filled, price
 * and per-leg fills from the fill report, max profit/loss and breakevens recomputed from the
 * filled credit, fees by the fee model on the filled contracts at their fill prices, mode `live`,
 * and the broker order ids; fewer spreads filled than ordered also records the order's size and
 * `cancelReason` (the cancel of the rest, as an event).
 */
export function filledEntryRecords(
  records: EntryRecords,
  fills: OrderFills,
  brokerOrderIds: string[],
  feeSchedule: FeeSchedule,
  cancelReason = "timeout",
): EntryRecords {
  const quantity = fills.spreads;
  const credit = r4(fills.net);
  const p = records.position;
  const profile = spreadProfile(
    p.legs.map((l) => ({ side: l.side, optionType: l.optionType, strike: l.strike, ratio: l.ratio })),
    credit,
  );
  const legPrice = (i: number, fallback: number): number => {
    const f = fills.legs[i];
    return f && f.quantity > 0 ? r4(f.averagePrice) : fallback;
  };
  const fees = spreadOrderFees(
    feeSchedule,
    "open",
    { ...p, quantity },
    p.legs.map((l, i) => legPrice(i, l.entryPrice)),
    records.order.time,
  );
  return {
    order: {
      ...records.order,
      fees,
      mode: "live",
      quantity,
      side: credit >= 0 ? "credit" : "debit",
      price: Math.abs(credit),
      legs: records.order.legs.map((l, i) => ({ ...l, fillPrice: legPrice(i, l.fillPrice) })),
      brokerOrderIds,
      ...(quantity < records.order.quantity
        ? { cancelledRest: { orderQuantity: records.order.quantity, reason: cancelReason } }
        : {}),
    },
    position: {
      ...p,
      mode: "live",
      quantity,
      entryCredit: credit,
      width: profile.width,
      maxProfitCents: positionCents(profile.maxProfit, p.multiplier, quantity),
      maxLossCents: positionCents(profile.maxLoss, p.multiplier, quantity),
      breakevens: profile.breakevens,
      legs: p.legs.map((l, i) => ({ ...l, entryPrice: legPrice(i, l.entryPrice) })),
      entryFeesCents: fees.totalCents,
    },
  };
}
