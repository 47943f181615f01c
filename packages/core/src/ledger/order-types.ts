import type { TickSize } from "../market-data/option-chain";
import type { OrderFees } from "./fee-model";

/** Where an order goes: the paper engine (default) or tastytrade. */
export type TradingMode = "paper" | "live";

/** tastytrade leg actions, abbreviated: Sell to Open, Buy to Open, Buy to Close, Sell to Close. */
export type LegAction = "STO" | "BTO" | "BTC" | "STC";

/** One option leg of an order, with the quote it was filled against. */
export interface OrderLeg {
  /** OCC symbol, e.g. `SPXW  261231P05800000`. */
  occSymbol: string;
  /** DXLink streamer symbol, e.g. `.SPXW261231P5800`. */
  streamerSymbol: string;
  optionType: "C" | "P";
  /** Strike, index points (USD per share). */
  strike: number;
  /** Expiration date, `YYYY-MM-DD`. */
  expiration: string;
  action: LegAction;
  /** Contracts of this leg per one spread. */
  ratio: number;
  /** Bid at fill, USD per share (absent when the side was missing). */
  bid?: number;
  /** Ask at fill, USD per share. */
  ask?: number;
  /** This leg's fill price, USD per share. */
  fillPrice: number;
  /** Time of the quote used, ms since epoch. */
  quoteTime: number;
  /** Where the quote came from (`stream`, `rest`, `settlement`). */
  quoteSource?: string;
}

/** An entry in the append-only order log. */
export interface OrderRecord {
  orderId: string;
  positionId: string;
  /** `open` starts a position; `close` ends it (manual, exit rule or expiry settlement). */
  kind: "open" | "close";
  /** Order time, ms since epoch. */
  time: number;
  /** Underlying symbol, e.g. `SPX`. */
  underlying: string;
  strategy: string;
  /** Net price effect of the order. */
  side: "credit" | "debit";
  /** Number of spreads. */
  quantity: number;
  /** Net fill price of one spread, USD per share, unsigned (see `side`). */
  price: number;
  /** Underlying price at the order, index points. */
  underlyingPrice: number;
  /** Where the underlying price came from (`stream`, `rest`, `ta-hint`, `settlement`). */
  underlyingSource?: string;
  mode: TradingMode;
  legs: OrderLeg[];
  /** Natural idempotency key (e.g. strategy|underlying|slot); duplicates write nothing. */
  idempotencyKey: string;
  /** Why the order was placed (`entry`, `manual`, `profit-target`, `expiry`, …). */
  reason: string;
  /** Live orders: the broker's order ids behind this record (its price and legs are the broker's fills). */
  brokerOrderIds?: string[];
  /** Fees of the whole order by the fee model, cents (absent on records from before fees). */
  fees?: OrderFees;
  /** The broker's own fee figure (live dry-run `fee-calculation`), cents, beside the model's. */
  brokerFeesCents?: number;
  /**
   * A (live) order that filled only in part: the spreads it was placed for and why the rest was
   * cancelled. `quantity` is what filled; the ledger has a fill event of `quantity` out of
   * `orderQuantity` and a cancel event for the rest.
   */
  cancelledRest?: CancelledRest;
}

/** The unfilled rest of an order that filled in part (see {@link OrderRecord.cancelledRest}). */
export interface CancelledRest {
  /** Spreads the order was placed for (more than filled). */
  orderQuantity: number;
  /** Why the rest will never fill (`timeout`, `cancelled by the next run`, …). */
  reason: string;
}

/** A leg of an open or closed position. */
export interface PositionLeg {
  occSymbol: string;
  streamerSymbol: string;
  optionType: "C" | "P";
  /** Strike, index points. */
  strike: number;
  /** `YYYY-MM-DD`. */
  expiration: string;
  side: "short" | "long";
  /** Contracts per spread. */
  ratio: number;
  /** Entry fill, USD per share. */
  entryPrice: number;
}

/** A position: the mutable projection of its orders (status, exit). */
export interface PositionRecord {
  positionId: string;
  strategy: string;
  underlying: string;
  /** Option root, e.g. `SPXW`. */
  root: string;
  settlement: "AM" | "PM";
  /** Nearest leg expiration, `YYYY-MM-DD`. */
  expiration: string;
  /** Number of spreads. */
  quantity: number;
  /** Shares per contract (100 for index options). */
  multiplier: number;
  mode: TradingMode;
  /** Entry time, ms since epoch. */
  openedAt: number;
  /** Net entry credit of one spread, USD per share. */
  entryCredit: number;
  /** Widest wing, index points. */
  width: number;
  /** Maximum profit of the whole position, cents. */
  maxProfitCents: number;
  /** Maximum loss of the whole position, cents (positive number). */
  maxLossCents: number;
  /** Breakeven underlying prices, index points (ascending). */
  breakevens: number[];
  legs: PositionLeg[];
  /** Underlying at entry, index points. */
  underlyingAtEntry: number;
  /** The root's tick table at entry, for rounding exit fills (absent: CBOE index defaults). */
  tickSizes?: TickSize[];
  idempotencyKey: string;
  status: "open" | "closed";
  /** Exit time, ms since epoch. */
  closedAt?: number;
  /** Net debit paid to close one spread, USD per share (negative when closed for a credit). */
  exitDebit?: number;
  /** Realised P&L of the whole position, cents. */
  realizedPnlCents?: number;
  /** Why it was closed. */
  closeReason?: string;
  /** Fees of the opening order, cents. */
  entryFeesCents?: number;
  /** Fees of the closing order, cents (0 for a settlement: no closing trade). */
  exitFeesCents?: number;
  /** Entry + exit fees, cents. */
  feesCents?: number;
  /** Realised P&L after fees (`realizedPnlCents` is gross), cents. */
  netPnlCents?: number;
  /** Settlement: the index value it settled at (index points), its instant (ms) and its source. */
  settlementPrice?: number;
  settlementAt?: number;
  settlementSource?: string;
  /** True while the settlement value is an approximation (an AM root's `open` print) of the official one. */
  settlementApproximate?: boolean;
  /** Claimed capacity reservations (see `PaperOrderStore.reserve`), released on close. */
  reservations?: string[];
  /** Max loss reserved against the total-risk cap, cents. */
  reservedRiskCents?: number;
}

/** Outcome of appending to the order log. */
export type AppendResult =
  | { status: "written"; order: OrderRecord; position: PositionRecord }
  | { status: "duplicate"; order: OrderRecord; position: PositionRecord | null };
