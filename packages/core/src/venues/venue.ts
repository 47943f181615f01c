import type { AllowedDecision } from "../guard/trading-decision";
import type { NotifyOutcome } from "../alerts/notify-once";
import type { Log } from "../log/log";
import type { EntryRecords } from "../ledger/entry-order";
import type { FeeSchedule, OrderFees } from "../ledger/fee-model";
import type { Refusal } from "../ledger/leg-fill";
import type { LegFillQuote } from "../ledger/order-leg";
import type { AppendResult, CancelledRest, PositionRecord, TradingMode } from "../ledger/order-types";
import type { PositionMark } from "../ledger/position-mark";

/** What a venue said about an order sent to it (a broker's dry run or placement; absent on paper). */
export interface LiveOrderResult {
  ok: boolean;
  /** Broker order id (real orders only). */
  orderId?: string;
  /** Broker status, e.g. `Received`, `Routed`. */
  status?: string;
  /** Buying-power effect or other warnings reported by the broker. */
  warnings?: string[];
  /** Why the broker rejected it. */
  errors?: string[];
  /** Broker figures (account, buying-power change and fees in cents, …). */
  details?: Record<string, unknown>;
}

/** The exit of a position: per-leg prices (in the position's leg order) and the net debit. */
export interface ExitFill {
  /** Net debit to close one spread, USD per share (negative = closed for a credit). */
  exitDebit: number;
  /** Per leg, in the position's leg order. */
  legs: LegFillQuote[];
  /** Exit time, ms since epoch. */
  time: number;
  /** Index points, and where it came from (`stream`, `rest`, `settlement`, …). */
  underlyingPrice: number;
  underlyingSource: string;
  /** Why: `manual`, `profit-target`, `dte`, `max-loss`, `expiry`, … */
  reason: string;
  /** Fees of the closing order by the fee model (`NO_FEES` for a settlement: no trade). */
  fees: OrderFees;
  /**
   * A settlement: the index value, its instant (ms since epoch), its source and whether it is an
   * approximation of the official value (default: by its source, see `APPROXIMATE_SOURCES`).
   */
  settlement?: { price: number; at: number; source: string; approximate?: boolean };
  /**
   * Spreads this exit closed (default: all of the position's). Fewer than the position holds is a
   * partial close: the position stays open with the rest.
   */
  quantity?: number;
  /**
   * The venue's id of the closing order (a broker order id): each closing order is its own record
   * (`<positionId>:close|<ref>`), so a position may close in several orders and the same order is
   * recorded once. Absent: the position's one close.
   */
  orderRef?: string;
  /** Live closes: the broker's order ids behind this close (its walk's tries included). */
  brokerOrderIds?: string[];
  /** The closing order filled only in part: the spreads it was placed for and why the rest was cancelled. */
  cancelledRest?: CancelledRest;
}

/**
 * What a recorded close reports back: the position's realised P&L before fees so far, cents (the
 * whole position's once closed; what the closes so far realised after a partial close).
 */
export type ClosedRecord = AppendResult & { realizedPnlCents: number };

/**
 * Where a venue writes what filled: the ledger's side of the port, handed to every call by the
 * use case (a venue never imports the ledger's use cases). Both writes are idempotent.
 */
export interface FillBook {
  /** The fee model's schedule, charged on every fill written here. */
  readonly feeSchedule: FeeSchedule;
  /** Writes an entry as filled; a second write of the same entry is a `duplicate` (nothing new). */
  opened(filled: EntryRecords): Promise<AppendResult>;
  /** Writes a (partial) close of `position` at `exit`. */
  closed(position: PositionRecord, exit: ExitFill): Promise<ClosedRecord>;
}

/** An entry for a venue: priced records (the fill model's price is the paper fill and the live limit). */
export interface OpenRequest {
  records: EntryRecords;
  /** The guard's decision for this request (a venue that places orders dry-runs unless confirmed). */
  decision: AllowedDecision;
  log: Log;
}

/** Where an entry ended up at the venue. */
export interface OpenOutcome {
  status: "entered" | "duplicate" | "refused" | "dry-run" | "placed";
  reasons: Refusal[];
  positionId?: string;
  broker?: LiveOrderResult;
}

/** A close for a venue: the position, its mark now (priced), and why. */
export interface CloseRequest {
  position: PositionRecord;
  mark: Extract<PositionMark, { status: "priced" }>;
  reason: string;
  decision: AllowedDecision;
  /** Now, ms since epoch. */
  now: number;
  log: Log;
}

/** Where a close ended up at the venue. */
export type CloseOutcome =
  | { status: "closed"; record: ClosedRecord; reasons: Refusal[]; details?: Record<string, unknown> }
  | { status: "dry-run"; broker: LiveOrderResult }
  | { status: "refused"; reasons: Refusal[]; details?: Record<string, unknown> };

/** One leg where the order log and the broker disagree. */
export interface PositionDrift {
  /** OCC symbol. */
  symbol: string;
  /** Signed contracts the order log's open live positions hold (short < 0). */
  expected: number;
  /** Signed contracts the broker holds. */
  held: number;
  /** `broker-only` (the log does not know it), `log-only` (the broker does not hold it), `quantity`. */
  kind: "broker-only" | "log-only" | "quantity";
}

/** What comparing a venue's holdings with the order log found (a broker venue's `reconcile`). */
export interface ReconcileReport {
  /** Open live positions in the order log. */
  livePositions: number;
  /** Option legs the broker holds. */
  brokerLegs: number;
  drift: PositionDrift[];
  /** The drift alert: sent, already sent for this same drift today, failed, only logged, or none. */
  alert: NotifyOutcome | "logged" | "none";
}

/** What finishing the orders of runs that stopped mid-order did, by pending-order id. */
export interface FinishReport {
  /** Followed to a final state and recorded (filled, partly filled or cancelled). */
  finished: string[];
  /** Still leased by a live run (it is following the order now). */
  active: string[];
  /** Sent without an answer (no broker order id): the trader must look at the broker. */
  unresolved: string[];
}

/**
 * Port to a place where orders fill: the paper venue (the fill model on quotes) or a broker
 * (tastytrade: dry run, place, follow to a final state, cancel and walk). One is chosen for entries
 * in wiring; positions are closed by the venue of their mode. Use cases never ask which it is.
 */
export interface Venue {
  /** The mode written on what this venue fills. */
  readonly mode: TradingMode;
  /** Sends an entry; what fills is written to `book`. */
  open(request: OpenRequest, book: FillBook): Promise<OpenOutcome>;
  /** Closes an open position; what fills is written to `book`. */
  close(request: CloseRequest, book: FillBook): Promise<CloseOutcome>;
  /** Finishes orders left working by runs that stopped mid-order (nothing to do on paper). */
  finishPending(book: FillBook): Promise<FinishReport>;
  /**
   * Compares what the venue holds with the order log's open positions of its mode (drift logged
   * and alerted); null when it has nothing to compare (paper, or a broker that only dry-runs).
   */
  reconcile(): Promise<ReconcileReport | null>;
}

/** The venues of one process, chosen once in wiring. */
export interface Venues {
  /** Where new entries go. */
  readonly entry: Venue;
  /** The venue that closes positions of `mode`; null when this process has none (live in paper mode). */
  holding(mode: TradingMode): Venue | null;
}

/** {@link Venues} over a list (one venue per mode) and the entry venue (one of them). */
export function venuesOf(entry: Venue, others: readonly Venue[] = []): Venues {
  const byMode = new Map<TradingMode, Venue>();
  for (const v of [...others, entry]) byMode.set(v.mode, v);
  return { entry, holding: (mode) => byMode.get(mode) ?? null };
}

/** Nothing pending (a venue with no broker). */
export const NOTHING_PENDING: FinishReport = { finished: [], active: [], unresolved: [] };
