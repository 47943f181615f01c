/**
 * The option fee schedule: per-contract rates (USD) in dated periods, so an order pays the rates in
 * force on its own New York date (a backtest of an older year uses that year's period when one is
 * recorded). Defaults: {@link DEFAULT_FEE_SCHEDULE} (tastytrade's published schedule);
 * strategies.yaml `fees:` overrides its keys in every period.
 */
export interface FeeSchedule {
  /** Oldest first; at least one. */
  periods: readonly FeePeriod[];
}

/** The rates in force from one date until the next period's. */
export interface FeePeriod extends FeeRates {
  /** First New York date (`YYYY-MM-DD`) these rates apply to. */
  effectiveFrom: string;
  /** Where the figures come from (page, article, date checked). */
  source: string;
}

/** Per-contract option fees, USD. */
export interface FeeRates {
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

/** An exchange's proprietary index option fee, charged on every contract of a leg. */
export interface IndexOptionFee {
  /** USD per contract (legs below the first tier). */
  perContract: number;
  /** Legs of fewer contracts than this are not charged (an exemption); absent = always charged. */
  chargedFromQuantity?: number;
  /**
   * Higher rates by leg size: a leg of at least `fromQuantity` contracts pays `perContract` (USD) on
   * every contract (XSP: $0.07 from 10 contracts). Absent or empty = one rate.
   */
  tiers?: readonly { fromQuantity: number; perContract: number }[];
}

/** Thrown when an order's fees cannot be computed (never a silent zero). */
export class FeeModelError extends Error {
  override readonly name = "FeeModelError";
}

/**
 * The rates in force on a New York date: the latest period starting on or before it. A date before
 * the first period takes the first period (the oldest schedule recorded stands in for earlier
 * years; README "Fees" says so). Throws {@link FeeModelError} for a schedule with no period.
 * @param nyDate - `YYYY-MM-DD`, New York
 */
export function feeRatesOn(schedule: FeeSchedule, nyDate: string): FeePeriod {
  const [first] = schedule.periods;
  if (!first) throw new FeeModelError("fees: the fee schedule has no period");
  let inForce = first;
  for (const p of schedule.periods) if (p.effectiveFrom <= nyDate) inForce = p;
  return inForce;
}

/**
 * The index fee of one leg, USD per contract: 0 below the exemption, else the highest tier the
 * leg's contracts reach, else the base rate.
 * @param contracts - contracts of the leg
 */
export function indexFeePerContract(fee: IndexOptionFee, contracts: number): number {
  if (contracts < (fee.chargedFromQuantity ?? 0)) return 0;
  let rate = fee.perContract;
  let from = 0;
  for (const t of fee.tiers ?? [])
    if (contracts >= t.fromQuantity && t.fromQuantity >= from) {
      rate = t.perContract;
      from = t.fromQuantity;
    }
  return rate;
}

const TASTYTRADE_SOURCE =
  "tastytrade.com/commissions-and-fees; tastytrade support: 'Commissions and fees breakdown', " +
  "'What are Single-Listed Exchange Proprietary Index Options Fees?'; checked 2026-11-30 " +
  "(shared/reference/tastytrade-dxlink.md §10)";

/**
 * tastytrade's published schedule (tastytrade.com/commissions-and-fees and its support articles,
 * checked 2026-11-30; shared/reference/tastytrade-dxlink.md §10). Re-check before relying on a
 * figure. One period: the reference records no older schedule, so earlier dates use it too. XSP:
 * the fee table says $0.04 per contract and its footnote $0.07 from 10 contracts a leg (and nothing
 * for 1–9); both the table's $0.04 for 1–9 and the footnote's $0.07 from 10 are kept, the reading
 * that never charges less than either figure. The simulator's broker charges this schedule too.
 */
export const DEFAULT_FEE_SCHEDULE: FeeSchedule = {
  periods: [
    {
      effectiveFrom: "2026-11-30",
      source: TASTYTRADE_SOURCE,
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
        // Same article: $0.04 in its table, $0.07 from 10 contracts a leg in its footnote.
        XSP: { perContract: 0.04, tiers: [{ fromQuantity: 10, perContract: 0.07 }] },
        // Not in tastytrade's table (Nasdaq lists NDX); Nasdaq ISE's NDX surcharge is $0.25 per
        // contract for non-priority capacities: kept as the conservative figure until confirmed.
        NDX: { perContract: 0.25 },
      },
    },
  ],
};
