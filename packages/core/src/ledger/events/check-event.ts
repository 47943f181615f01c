import { LedgerError } from "./ledger-error";
import type { LedgerEvent } from "./ledger-event";
import { positionState, type PositionHeader } from "./position-state";

/** JSON with sorted keys: two events with the same fields compare equal whatever their key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

/** True when two events state the same fact with the same content. */
export function sameEvent(a: LedgerEvent, b: LedgerEvent): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

const refuse = (code: "ledger-overfill" | "ledger-event-conflict", e: LedgerEvent, why: string) =>
  new LedgerError(code, `${e.type} ${e.eventId} of ${e.positionId}: ${why}`, e.positionId, e.eventId);

/**
 * What appending `event` to a position with `events` means: `duplicate` when the same event is
 * there already (a no-op), `append` when it may be written. Throws a {@link LedgerError} for a
 * conflicting duplicate (same id, other content), a fill beyond its order's remaining quantity, a
 * close or settlement beyond the open quantity, or an order described two ways.
 */
export function checkAppend(
  header: PositionHeader,
  events: readonly LedgerEvent[],
  event: LedgerEvent,
): "append" | "duplicate" {
  const existing = events.find((e) => e.eventId === event.eventId);
  if (existing) {
    if (sameEvent(existing, event)) return "duplicate";
    throw refuse(
      "ledger-event-conflict",
      event,
      `was appended before with other content (${canonicalJson(existing)})`,
    );
  }
  if (event.type === "fill" || event.type === "cancel") checkOrder(events, event);
  if (event.type === "fill") checkFill(header, events, event);
  if (event.type === "settlement") {
    const fillsOnly = positionState(
      header,
      events.filter((e) => e.type === "fill"),
    );
    if (event.quantity > fillsOnly.openQuantity)
      throw refuse(
        "ledger-overfill",
        event,
        `settles ${event.quantity} spreads, ${fillsOnly.openQuantity} open`,
      );
  }
  return "append";
}

/** An order keeps its effect and quantity on every event. */
function checkOrder(
  events: readonly LedgerEvent[],
  event: Extract<LedgerEvent, { orderId: string; effect: string }>,
): void {
  for (const e of events) {
    if ((e.type !== "fill" && e.type !== "cancel") || e.orderId !== event.orderId) continue;
    if (e.effect !== event.effect || e.orderQuantity !== event.orderQuantity)
      throw refuse(
        "ledger-event-conflict",
        event,
        `order ${event.orderId} was recorded as ${e.effect} of ${e.orderQuantity} (event ${e.eventId}), this says ${event.effect} of ${event.orderQuantity}`,
      );
  }
}

function checkFill(
  header: PositionHeader,
  events: readonly LedgerEvent[],
  fill: Extract<LedgerEvent, { type: "fill" }>,
): void {
  const state = positionState(header, events);
  const order = state.orders.find((o) => o.orderId === fill.orderId);
  const remaining = fill.orderQuantity - (order?.filled ?? 0);
  if (fill.quantity > remaining)
    throw refuse(
      "ledger-overfill",
      fill,
      `fills ${fill.quantity} spreads, order ${fill.orderId} has ${remaining} of ${fill.orderQuantity} left`,
    );
  if (fill.effect === "close" && fill.quantity > state.openQuantity)
    throw refuse("ledger-overfill", fill, `closes ${fill.quantity} spreads, ${state.openQuantity} open`);
}
