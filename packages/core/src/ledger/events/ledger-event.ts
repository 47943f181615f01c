/**
 * The ledger's facts. Every fill (partial ones too), cancel, settlement and claim change of a
 * position is one appended event; a position's state is derived from its events by
 * `positionState`, never stored as the truth. `eventId` is the fact's natural key (the same fill
 * reported twice has the same id), so appending it again is a no-op.
 */
export type LedgerEvent = FillEvent | CancelEvent | SettlementEvent | ClaimEvent;

/** Fields every event has. */
interface EventBase {
  /** Natural key of the fact, unique within its position (e.g. `fill|<brokerOrderId>|<fillId>`). */
  eventId: string;
  positionId: string;
  /** When the fact happened (the fill, the cancel, the settlement recorded), ms since epoch. */
  at: number;
}

/** Whether an order adds to the position (`open`) or takes from it (`close`). */
export type OrderEffect = "open" | "close";

/** Some or all of an order filled. */
export interface FillEvent extends EventBase {
  type: "fill";
  effect: OrderEffect;
  /** The order this fill belongs to (paper order id or the broker's order id). */
  orderId: string;
  /** Spreads the order was placed for (the same on every fill of the order). */
  orderQuantity: number;
  /** Spreads filled by this fill, > 0. */
  quantity: number;
  /**
   * Net price of one spread, USD per share, signed as cash: positive = a credit received, negative
   * = a debit paid (an opening credit spread is positive, buying it back negative).
   */
  netPrice: number;
  /** Fees charged on this fill alone, integer cents ≥ 0. */
  feesCents: number;
  /** Per-leg fill prices in the position's leg order, USD per share (unsigned). */
  legPrices?: number[];
  /** Why the order was placed (`entry`, `manual`, `profit-target`, …). */
  reason?: string;
}

/** An order stopped working: whatever it did not fill never will. */
export interface CancelEvent extends EventBase {
  type: "cancel";
  effect: OrderEffect;
  orderId: string;
  /** Spreads the order was placed for. */
  orderQuantity: number;
  /** Why (`timeout`, `walk`, `rejected`, `expired`, …). */
  reason: string;
}

/**
 * A cash-settled position expired: each leg at intrinsic value. A later settlement event of the
 * same position replaces an `approximate` one (an AM settlement taken from the index's `open`
 * print until the official opening settlement value is read).
 */
export interface SettlementEvent extends EventBase {
  type: "settlement";
  /** Spreads settled (the open quantity at expiry). */
  quantity: number;
  /** Intrinsic value of one spread at settlement, USD per share (what the seller pays). */
  debit: number;
  /** The index value settled at, index points. */
  price: number;
  /** The settlement instant the value belongs to, ms since epoch. */
  settlementAt: number;
  /** Where the value came from (`rest:close`, `rest:prev-close`, `rest:open`, `soq`, …). */
  source: string;
  /** True while the value is an approximation of the official one. */
  approximate: boolean;
  /** The order-log record summarising this settlement, when there is one. */
  orderId?: string;
}

/** A capacity claim (see `reserveCapacity`) was taken or given back on behalf of the position. */
export interface ClaimEvent extends EventBase {
  type: "claim";
  /** The claim's key, e.g. `open#3`. */
  key: string;
  change: "taken" | "released";
}
