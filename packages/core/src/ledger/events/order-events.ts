import type { OrderRecord, PositionRecord } from "../order-types";
import { orderLeg } from "../order-leg";
import { intrinsicValue } from "../payoff";
import type { CancelEvent, FillEvent, LedgerEvent, SettlementEvent } from "./ledger-event";

/** A settlement's index value (points), instant (ms), source and whether it is approximate. */
export interface SettlementFacts {
  price: number;
  at: number;
  source: string;
  approximate: boolean;
}

/** The `rest:open` print stands in for an AM root's official opening settlement value. */
export const APPROXIMATE_SOURCES: readonly string[] = ["rest:open"];

/**
 * The event an order-log record states: a settlement (a close with settlement facts) or one fill
 * of the whole order. Used for new records and to read records written before events existed, so
 * both give the same event (same id, same content).
 * @param feesCents - fees of the whole order, cents
 */
export function orderEvent(order: OrderRecord, feesCents: number, settlement?: SettlementFacts): LedgerEvent {
  const debit = order.side === "debit" ? order.price : -order.price;
  if (order.kind === "close" && settlement) {
    const event: SettlementEvent = {
      eventId: `settlement|${order.orderId}`,
      positionId: order.positionId,
      at: order.time,
      type: "settlement",
      quantity: order.quantity,
      debit,
      price: settlement.price,
      settlementAt: settlement.at,
      source: settlement.source,
      approximate: settlement.approximate,
      orderId: order.orderId,
    };
    return event;
  }
  const fill: FillEvent = {
    eventId: `fill|${order.orderId}`,
    positionId: order.positionId,
    at: order.time,
    type: "fill",
    effect: order.kind,
    orderId: order.orderId,
    orderQuantity: order.cancelledRest?.orderQuantity ?? order.quantity,
    quantity: order.quantity,
    netPrice: -debit,
    feesCents,
    legPrices: order.legs.map((l) => l.fillPrice),
    reason: order.reason,
  };
  return fill;
}

/**
 * The close order record a position's closing event (`<positionId>:close`, or one of several
 * closing orders `<positionId>:close|<ref>`) states, for a close
 * whose record write was cut off by a crash: the event's time, side, price, quantity, reason and
 * leg fills (a settlement's legs at intrinsic value); the quotes and underlying price it filled
 * against are not in the event (`underlyingSource: "ledger"`, underlying 0 unless a settlement).
 */
export function orderOfEvent(position: PositionRecord, event: FillEvent | SettlementEvent): OrderRecord {
  const debit = event.type === "fill" ? -event.netPrice : event.debit;
  const legs = position.legs.map((l, i) =>
    orderLeg(l, l.side === "short" ? "BTC" : "STC", l.ratio, {
      fillPrice:
        event.type === "fill"
          ? (event.legPrices?.[i] ?? 0)
          : intrinsicValue(l.optionType, l.strike, event.price),
      quoteTime: event.at,
      quoteSource: event.type === "fill" ? "ledger" : "settlement",
    }),
  );
  const orderId = event.orderId ?? `${position.positionId}:close`;
  const ref = orderId.slice(`${position.positionId}:close`.length);
  return {
    orderId,
    positionId: position.positionId,
    kind: "close",
    time: event.at,
    underlying: position.underlying,
    strategy: position.strategy,
    side: debit >= 0 ? "debit" : "credit",
    quantity: event.quantity,
    price: Math.abs(debit),
    underlyingPrice: event.type === "settlement" ? event.price : 0,
    underlyingSource: event.type === "settlement" ? `settlement:${event.source}` : "ledger",
    mode: position.mode,
    legs,
    idempotencyKey: `${position.positionId}|close${ref}`,
    reason: event.type === "fill" ? (event.reason ?? "close") : "expiry",
  };
}

/**
 * Every event an order-log record states: {@link orderEvent}, and for an order that filled only in
 * part (`cancelledRest`) the cancel of its rest, with its reason.
 */
export function orderEvents(
  order: OrderRecord,
  feesCents: number,
  settlement?: SettlementFacts,
): [LedgerEvent, ...LedgerEvent[]] {
  const main = orderEvent(order, feesCents, settlement);
  const rest = order.cancelledRest;
  if (!rest || main.type !== "fill") return [main];
  const cancel: CancelEvent = {
    eventId: `cancel|${order.orderId}`,
    positionId: order.positionId,
    at: order.time,
    type: "cancel",
    effect: order.kind,
    orderId: order.orderId,
    orderQuantity: rest.orderQuantity,
    reason: rest.reason,
  };
  return [main, cancel];
}

/** Order ids an event stands for (its order, or the record summarising a settlement). */
function orderIdsOf(e: LedgerEvent): string[] {
  if (e.type === "fill" || e.type === "cancel") return [e.orderId];
  if (e.type === "settlement" && e.orderId) return [e.orderId];
  return [];
}

/** How many of a position's order-log records no stored event stands for (read as their events). */
export function legacyRecordCount(orders: readonly OrderRecord[], stored: readonly LedgerEvent[]): number {
  const covered = new Set(stored.flatMap(orderIdsOf));
  return orders.filter((o) => !covered.has(o.orderId)).length;
}

/**
 * A position's events: those stored, plus one synthesised from each order-log record no stored
 * event stands for (records written before the ledger had events, or an event write cut off by a
 * crash). Fees and settlement facts of old records come from their position record, as they were
 * read before.
 */
export function eventsWithLegacy(
  position: PositionRecord,
  orders: readonly OrderRecord[],
  stored: readonly LedgerEvent[],
): LedgerEvent[] {
  const covered = new Set(stored.flatMap(orderIdsOf));
  const ids = new Set(stored.map((e) => e.eventId));
  // An order no stored event stands for reads as all its events; a covered one only gets the
  // cancel of its rest when that write was cut off after its fill.
  const legacy = orders.flatMap((o) => {
    const reason = o.kind === "close" ? (position.closeReason ?? o.reason) : o.reason;
    const events = orderEvents({ ...o, reason }, legacyFees(position, o), legacySettlement(position, o));
    return covered.has(o.orderId) ? events.filter((e) => e.type === "cancel" && !ids.has(e.eventId)) : events;
  });
  return [...legacy, ...stored];
}

function legacyFees(p: PositionRecord, o: OrderRecord): number {
  // One of several closing orders (`<id>:close|<ref>`, only ever written with events): its own fees.
  if (o.orderId.includes("|") && o.fees) return o.fees.totalCents;
  const own = o.kind === "open" ? p.entryFeesCents : p.exitFeesCents;
  return own ?? o.fees?.totalCents ?? 0;
}

function legacySettlement(p: PositionRecord, o: OrderRecord): SettlementFacts | undefined {
  if (o.kind !== "close" || p.settlementPrice === undefined) return undefined;
  const source = p.settlementSource ?? "unknown";
  return {
    price: p.settlementPrice,
    at: p.settlementAt ?? o.time,
    source,
    approximate: p.settlementApproximate ?? APPROXIMATE_SOURCES.includes(source),
  };
}
