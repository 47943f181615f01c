import { dec } from "../rest/envelope";
import type { OrderBodyT } from "./order-body";
import { TERMINAL, type SimOrder } from "./sim-order";

const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * The `order` object of an order reply, field by field as tastyware's `PlacedOrder` requires
 * (account-number, time-in-force, order-type, underlying-symbol, underlying-instrument-type, status,
 * cancellable, editable, edited, updated-at, legs) plus what a placed order carries (id,
 * received-at, live-at, terminal-at, cancelled-at, reject-reason, fills per leg). A dry run has no id.
 */
export function orderJson(
  o: Pick<SimOrder, "account" | "body" | "legs" | "underlying" | "size" | "status" | "updatedAt"> &
    Partial<SimOrder>,
): Record<string, unknown> {
  const body: OrderBodyT = o.body;
  const working = !TERMINAL.has(o.status);
  return {
    ...(o.id !== undefined ? { id: o.id } : {}),
    "account-number": o.account,
    "time-in-force": body["time-in-force"],
    "order-type": body["order-type"],
    size: o.size,
    "underlying-symbol": o.underlying,
    "underlying-instrument-type": "Index",
    ...(body.price !== undefined ? { price: dec(body.price), "price-effect": body["price-effect"] } : {}),
    status: o.status,
    cancellable: working,
    editable: working,
    edited: false,
    ...(body.source !== undefined ? { source: body.source } : {}),
    ...(o.receivedAt !== undefined ? { "received-at": iso(o.receivedAt) } : {}),
    ...(o.liveAt !== undefined ? { "live-at": iso(o.liveAt) } : {}),
    ...(o.cancelledAt !== undefined ? { "cancelled-at": iso(o.cancelledAt) } : {}),
    ...(o.terminalAt !== undefined ? { "terminal-at": iso(o.terminalAt) } : {}),
    ...(o.rejectReason !== undefined ? { "reject-reason": o.rejectReason } : {}),
    "updated-at": iso(o.updatedAt),
    legs: o.legs.map((l, i) => {
      const fills = o.fills?.[i] ?? [];
      const filled = fills.reduce((n, f) => n + f.quantity, 0);
      return {
        "instrument-type": "Equity Option",
        symbol: l.symbol,
        quantity: l.quantity,
        "remaining-quantity": l.quantity - filled,
        action: l.action,
        fills: fills.map((f) => ({
          "fill-id": f.fillId,
          quantity: dec(f.quantity),
          "fill-price": dec(f.price),
          "filled-at": iso(f.filledAt),
        })),
      };
    }),
  };
}
