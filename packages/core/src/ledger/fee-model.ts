import { netPnlCents } from "./pnl";

/**
 * Per-contract option fees of an order, USD. Defaults: {@link DEFAULT_FEE_SCHEDULE} (tastytrade's
 * published schedule); strategies.yaml `fees:` overrides them.
 */
export interface FeeSchedule {
  /** Commission per contract on opening orders, USD. */
  commissionOpen: number;
  /** Commission per contract on closing orders, USD. */
  commissionClose: number;
  /** Commission cap per leg, USD; null = no cap (broad-based index options are excluded from it). */
  commissionLegCap: number | null;
  /** Clearing fee per contract, opening and closing, USD. */
  clearing: number;
  /** Options regulatory fee (ORF) per contract, opening and closing, USD. */
  regulatory: number;
  /** FINRA trading activity fee per contract sold, USD. */
  tafPerContractSold: number;
  /** SEC fee as a fraction of sale proceeds (contracts × multiplier × price) of sold contracts. */
  secRate: number;
  /** Proprietary index option fee per underlying, per contract, opening and closing, USD. */
  indexFees: Record<string, IndexOptionFee>;
}

/** An exchange's proprietary index option fee. */
export interface IndexOptionFee {
  /** USD per contract. */
  perContract: number;
  /** Legs of fewer contracts than this are not charged (XSP's 1–9 exemption); absent = always. */
  chargedFromQuantity?: number;
}

/**
 * tastytrade's schedule (tastytrade.com/commissions-and-fees and its support articles, checked
 * 2026-11-30; ../shared/reference/tastytrade-dxlink.md §10). Re-check before relying on a figure.
 */
export const DEFAULT_FEE_SCHEDULE: FeeSchedule = {
  commissionOpen: 1.0, // $1.00 per contract to open (commissions-and-fees, broad-based index options)
  commissionClose: 0, // $0.00 commission to close (same page)
  commissionLegCap: null, // "broad-based index options are excluded from the capped commission offer"
  clearing: 0.1, // $0.10 per contract, open and close (same page)
  regulatory: 0.0388, // ORF as quoted in the "Commissions and fees breakdown" support article
  tafPerContractSold: 0.002, // FINRA TAF on sells (same article)
  secRate: 0.000013, // SEC fee per dollar of sale proceeds (same article; changes each fiscal year)
  indexFees: {
    SPX: { perContract: 0.65 }, // "Single-Listed Exchange Proprietary Index Options Fees" article
    RUT: { perContract: 0.18 }, // same article
    XSP: { perContract: 0.04 }, // same article's table (its footnote also names $0.07 for 10+)
    // Not in tastytrade's table (Nasdaq lists NDX); Nasdaq ISE's NDX surcharge is $0.25 per
    // contract for non-priority capacities: kept as the conservative figure until confirmed.
    NDX: { perContract: 0.25 },
  },
};

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

/** Thrown when an order's fees cannot be computed (never a silent zero). */
export class FeeModelError extends Error {
  override readonly name = "FeeModelError";
}

const up = (usd: number): number => Math.max(0, Math.ceil(usd * 100 - 1e-6));

/**
 * Fees of one order: commission (opening or closing rate, capped per leg when a cap is set),
 * clearing and ORF per contract, TAF and the SEC fee on sold contracts, and the underlying's
 * proprietary index option fee per contract. Throws {@link FeeModelError} naming the field for an
 * underlying with no index fee configured.
 */
export function orderFees(
  schedule: FeeSchedule,
  order: {
    underlying: string;
    kind: "open" | "close";
    quantity: number;
    multiplier: number;
    legs: readonly FeeLeg[];
  },
): OrderFees {
  const index = schedule.indexFees[order.underlying];
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
    const rate = order.kind === "open" ? schedule.commissionOpen : schedule.commissionClose;
    const legCommission = rate * contracts;
    commission +=
      schedule.commissionLegCap === null ? legCommission : Math.min(legCommission, schedule.commissionLegCap);
    clearing += schedule.clearing * contracts;
    regulatory += schedule.regulatory * contracts;
    if (leg.action === "sell") {
      regulatory += schedule.tafPerContractSold * contracts;
      regulatory += schedule.secRate * contracts * order.multiplier * leg.price;
    }
    if (contracts >= (index.chargedFromQuantity ?? 0)) proprietary += index.perContract * contracts;
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
 * back, sell the longs) a spread position at per-leg prices (USD per share, in leg order).
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
  prices: readonly number[],
): OrderFees {
  const sells = (side: "short" | "long") => (side === "short") === (kind === "open");
  return orderFees(schedule, {
    underlying: position.underlying,
    kind,
    quantity: position.quantity,
    multiplier: position.multiplier,
    legs: position.legs.map((l, i) => ({
      action: sells(l.side) ? "sell" : "buy",
      ratio: l.ratio,
      price: prices[i] ?? 0,
    })),
  });
}
