import { positionCents } from "../payoff";
import type { FillEvent, LedgerEvent, OrderEffect, SettlementEvent } from "./ledger-event";
import { netPnlCents } from "../pnl";
import { outcomeOf, type Outcome } from "./outcome";

/** What the fold needs besides the events: the position's fixed facts. */
export interface PositionHeader {
  positionId: string;
  /** Shares per contract (100 for index options). */
  multiplier: number;
  /** Claims taken when the position was entered (records from before claim events). */
  reservations?: readonly string[];
}

/** An order's progress as the events tell it. */
export interface OrderProgress {
  orderId: string;
  effect: OrderEffect;
  /** Spreads the order was placed for, and filled so far. */
  orderQuantity: number;
  filled: number;
  /** True once a cancel event ended it (a fill reported after that still counts). */
  cancelled: boolean;
}

/** A position's state, derived from its events by {@link positionState}. Money in integer cents. */
export interface PositionState {
  positionId: string;
  /** `closed` once something was opened and nothing is left open. */
  status: "open" | "closed";
  /** Spreads opened, closed (fills and settlement) and still open. */
  openedQuantity: number;
  closedQuantity: number;
  openQuantity: number;
  /** Average net credit of the opening fills, USD per share per spread (null before a fill). */
  avgOpenCredit: number | null;
  /** Average net debit of the closing fills and settlement, USD per share per spread (null before one). */
  avgCloseDebit: number | null;
  /** Realised P&L before fees of what was closed, cents. */
  grossCents: number;
  /** Fees of the opening fills, of the closing fills, and both, cents (a settlement adds none). */
  openFeesCents: number;
  closeFeesCents: number;
  feesCents: number;
  /** `grossCents − feesCents`, cents. */
  netCents: number;
  /** By net P&L once closed; null while open. */
  outcome: Outcome | null;
  /** First opening fill and the moment nothing was left open, ms since epoch (null when not yet). */
  openedAt: number | null;
  closedAt: number | null;
  /** Reason of the last closing fill, or `expiry` for a settlement. */
  closeReason: string | null;
  /** The settlement in effect (an official one replaces an approximate one). */
  settlement: SettlementEvent | null;
  /** Claims the position holds, and those to give back now (all of them once closed). */
  claimsHeld: string[];
  claimsToRelease: string[];
  orders: OrderProgress[];
}

/** Within one instant: opening fills first, closing fills after them, the settlement last. */
const RANK: Record<string, number> = { open: 0, cancel: 1, claim: 2, close: 3, settlement: 4 };
const rankOf = (e: LedgerEvent): number => RANK[e.type === "fill" ? e.effect : e.type] ?? 5;

/** Events in the order they happened (ties by kind, then id, so every adapter folds them alike). */
export function eventOrder(a: LedgerEvent, b: LedgerEvent): number {
  return a.at - b.at || rankOf(a) - rankOf(b) || (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0);
}

/** The running totals of the fold. */
interface Book {
  /** Opening cash not yet matched by a close, cents. */
  basisCents: number;
  openQty: number;
  opened: number;
  closed: number;
  openCashCents: number;
  closeCashCents: number;
  grossCents: number;
  openFees: number;
  closeFees: number;
  openedAt: number | null;
  closedAt: number | null;
  closeReason: string | null;
}

/**
 * Takes `quantity` spreads off the book for `cashCents` (negative when paying to close). The
 * opening credit released is the basis pro rata, rounded down (against the trader); a full close
 * releases all of it, so a closed position's gross is exact.
 */
function closeOnBook(book: Book, quantity: number, cashCents: number, at: number): void {
  const released =
    quantity >= book.openQty ? book.basisCents : Math.floor((book.basisCents * quantity) / book.openQty);
  book.basisCents -= released;
  book.openQty -= quantity;
  book.closed += quantity;
  book.closeCashCents += cashCents;
  book.grossCents += released + cashCents;
  if (book.openQty === 0) book.closedAt = at;
}

function applyFill(book: Book, f: FillEvent, multiplier: number): void {
  const cash = positionCents(f.netPrice, multiplier, f.quantity);
  if (f.effect === "open") {
    book.basisCents += cash;
    book.openQty += f.quantity;
    book.opened += f.quantity;
    book.openCashCents += cash;
    book.openFees += f.feesCents;
    book.openedAt ??= f.at;
    book.closedAt = null;
    return;
  }
  book.closeFees += f.feesCents;
  book.closeReason = f.reason ?? "close";
  closeOnBook(book, f.quantity, cash, f.at);
}

/** Closes what is left open at the settlement's intrinsic debit (no fees: nothing is traded). */
function applySettlement(
  book: Book,
  settlement: SettlementEvent,
  sorted: readonly LedgerEvent[],
  multiplier: number,
): void {
  const quantity = Math.min(settlement.quantity, book.openQty);
  if (quantity <= 0) return;
  // Closed at the first settlement's moment: a later official value corrects the price only.
  const first = sorted.find((e) => e.type === "settlement") ?? settlement;
  closeOnBook(book, quantity, -positionCents(settlement.debit, multiplier, quantity), first.at);
  book.closeReason = "expiry";
}

/** The settlement in effect: the last official one, else the last approximate one. */
function settlementInEffect(events: readonly LedgerEvent[]): SettlementEvent | null {
  const all = events.filter((e): e is SettlementEvent => e.type === "settlement");
  return all.filter((s) => !s.approximate).at(-1) ?? all.at(-1) ?? null;
}

function orderProgress(events: readonly LedgerEvent[]): OrderProgress[] {
  const byId = new Map<string, OrderProgress>();
  for (const e of events) {
    if (e.type !== "fill" && e.type !== "cancel") continue;
    const o = byId.get(e.orderId) ?? {
      orderId: e.orderId,
      effect: e.effect,
      orderQuantity: e.orderQuantity,
      filled: 0,
      cancelled: false,
    };
    if (e.type === "fill") o.filled += e.quantity;
    else o.cancelled = true;
    byId.set(e.orderId, o);
  }
  return [...byId.values()];
}

function claimsOf(header: PositionHeader, events: readonly LedgerEvent[]): string[] {
  const held = new Set(header.reservations ?? []);
  for (const e of events) {
    if (e.type !== "claim") continue;
    if (e.change === "taken") held.add(e.key);
    else held.delete(e.key);
  }
  return [...held];
}

const perShare = (cents: number, quantity: number, multiplier: number): number | null =>
  quantity > 0 ? Number((cents / (quantity * multiplier * 100)).toFixed(6)) : null;

/**
 * The one function deriving a position's state from its events: quantities, average prices,
 * realised gross, fees, net and outcome, claims to release and each order's progress. Partial
 * opens and closes are ordinary; the settlement in effect closes what is left after every fill.
 * Pure: the same events give the same state in any order they are passed.
 */
export function positionState(header: PositionHeader, events: readonly LedgerEvent[]): PositionState {
  const sorted = [...events].sort(eventOrder);
  const book: Book = {
    basisCents: 0,
    openQty: 0,
    opened: 0,
    closed: 0,
    openCashCents: 0,
    closeCashCents: 0,
    grossCents: 0,
    openFees: 0,
    closeFees: 0,
    openedAt: null,
    closedAt: null,
    closeReason: null,
  };
  for (const e of sorted) if (e.type === "fill") applyFill(book, e, header.multiplier);
  const settlement = settlementInEffect(sorted);
  if (settlement) applySettlement(book, settlement, sorted, header.multiplier);
  return stateOf(header, book, sorted, settlement);
}

function stateOf(
  header: PositionHeader,
  book: Book,
  sorted: readonly LedgerEvent[],
  settlement: SettlementEvent | null,
): PositionState {
  const closed = book.opened > 0 && book.openQty === 0;
  const feesCents = book.openFees + book.closeFees;
  const netCents = netPnlCents(book.grossCents, feesCents);
  const claimsHeld = claimsOf(header, sorted);
  return {
    positionId: header.positionId,
    status: closed ? "closed" : "open",
    openedQuantity: book.opened,
    closedQuantity: book.closed,
    openQuantity: book.openQty,
    avgOpenCredit: perShare(book.openCashCents, book.opened, header.multiplier),
    avgCloseDebit: perShare(-book.closeCashCents, book.closed, header.multiplier),
    grossCents: book.grossCents,
    openFeesCents: book.openFees,
    closeFeesCents: book.closeFees,
    feesCents,
    netCents,
    outcome: closed ? outcomeOf(netCents) : null,
    openedAt: book.openedAt,
    closedAt: closed ? book.closedAt : null,
    closeReason: closed ? book.closeReason : null,
    settlement,
    claimsHeld,
    claimsToRelease: closed ? claimsHeld : [],
    orders: orderProgress(sorted),
  };
}
