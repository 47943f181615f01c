import { nyDate } from "../time/new-york";
import { FeeModelError, feeRatesOn, indexFeePerContract, type FeeSchedule } from "./fee-schedule";
import { netPnlCents } from "./pnl";

export * from "./fee-schedule";

/** One leg of an order for fee purposes. */
export interface FeeLeg {
  action: "sell" | "buy";
  /** Contracts of this leg per spread. */
  ratio: number;
  /** Fill, USD per share. */
  price: number;
}

/** Fees of one order, integer cents (each component rounded up: never in the trader's favour). */
export interface OrderFees {
  commissionCents: number;
  clearingCents: number;
  regulatoryCents: number;
  proprietaryCents: number;
  totalCents: number;
}

const up = (usd: number): number => Math.max(0, Math.ceil(usd * 100 - 1e-6));

/**
 * Fees of one order at the rates in force on its New York date ({@link feeRatesOn}): commission
 * (opening or closing rate, capped per leg when a cap is set), clearing and ORF per contract, TAF
 * and the SEC fee on sold contracts, and the underlying's proprietary index option fee per contract
 * (by the leg's size tier). Each component is summed in USD and rounded up to the cent (never in
 * the trader's favour). Throws {@link FeeModelError} naming the field for an underlying with no
 * index fee configured.
 */
export function orderFees(
  schedule: FeeSchedule,
  order: {
    underlying: string;
    kind: "open" | "close";
    /** Spreads. */
    quantity: number;
    /** Shares per contract. */
    multiplier: number;
    legs: readonly FeeLeg[];
    /** When the order trades, ms since epoch (picks the schedule's period). */
    at: number;
  },
): OrderFees {
  const rates = feeRatesOn(schedule, nyDate(order.at));
  const index = rates.indexFees[order.underlying];
  if (!index) {
    throw new FeeModelError(
      `fees.index_fees.${order.underlying}: no proprietary index option fee configured`,
    );
  }
  let commission = 0;
  let clearing = 0;
  let regulatory = 0;
  let proprietary = 0;
  for (const leg of order.legs) {
    const contracts = leg.ratio * order.quantity;
    const rate = order.kind === "open" ? rates.commissionOpen : rates.commissionClose;
    const legCommission = rate * contracts;
    commission +=
      rates.commissionLegCap === null ? legCommission : Math.min(legCommission, rates.commissionLegCap);
    clearing += rates.clearing * contracts;
    regulatory += rates.regulatory * contracts;
    if (leg.action === "sell") {
      regulatory += rates.tafPerContractSold * contracts;
      regulatory += rates.secRate * contracts * order.multiplier * leg.price;
    }
    proprietary += indexFeePerContract(index, contracts) * contracts;
  }
  const parts = {
    commissionCents: up(commission),
    clearingCents: up(clearing),
    regulatoryCents: up(regulatory),
    proprietaryCents: up(proprietary),
  };
  return {
    ...parts,
    totalCents: parts.commissionCents + parts.clearingCents + parts.regulatoryCents + parts.proprietaryCents,
  };
}

/** Gross, fees and net of a P&L figure, integer cents (net = gross − fees). */
export interface PnlBreakdown {
  grossCents: number;
  feesCents: number;
  netCents: number;
}

/** A P&L figure with its fees. */
export function pnlBreakdown(grossCents: number, feesCents: number): PnlBreakdown {
  return { grossCents, feesCents, netCents: netPnlCents(grossCents, feesCents) };
}

/**
 * Fees of opening (`open`: sell the shorts, buy the longs) or closing (`close`: buy the shorts
 * back, sell the longs) a spread position at per-leg prices (USD per share, in leg order). A leg
 * priced `null` does not trade and pays nothing: a worthless long left to expire on a close.
 * @param at - when the order trades, ms since epoch
 */
export function spreadOrderFees(
  schedule: FeeSchedule,
  kind: "open" | "close",
  position: {
    underlying: string;
    quantity: number;
    multiplier: number;
    legs: readonly { side: "short" | "long"; ratio: number }[];
  },
  prices: readonly (number | null)[],
  at: number,
): OrderFees {
  const sells = (side: "short" | "long") => (side === "short") === (kind === "open");
  const legs: FeeLeg[] = [];
  position.legs.forEach((l, i) => {
    const price = prices[i];
    if (price === null) return;
    legs.push({ action: sells(l.side) ? "sell" : "buy", ratio: l.ratio, price: price ?? 0 });
  });
  return orderFees(schedule, {
    underlying: position.underlying,
    kind,
    quantity: position.quantity,
    multiplier: position.multiplier,
    legs,
    at,
  });
}
