import * as z from "zod/mini";
import "../validation/zod-english";
import { messageList, type OrderMessage } from "./order-wire";
import { dataEnvelope, decimal, isoTime, listEnvelope, optDecimal, optIsoTime } from "./wire-fields";

/** One fill of one leg, from the broker's fill report (tastyware order.py FillInfo). */
export interface BrokerFill {
  fillId: string;
  /** Contracts. */
  quantity: number;
  /** USD per share. */
  price: number;
  /** ms since epoch. */
  filledAt: number;
}

/** A leg of a placed order with its fills. */
export interface BrokerOrderLeg {
  /** OCC symbol. */
  symbol: string;
  action: string;
  /** Contracts ordered. */
  quantity: number;
  /** Contracts not filled yet. */
  remainingQuantity: number;
  fills: BrokerFill[];
}

/** A placed order as the broker reports it. */
export interface BrokerOrder {
  /** Broker order id. */
  id: string;
  /** tastytrade status: Received, Routed, In Flight, Live, Filled, Cancelled, Expired, Rejected, … */
  status: string;
  /** True once nothing more can happen to it. */
  terminal: boolean;
  rejectReason?: string;
  /** Limit price, unsigned USD per share, and its direction. */
  price?: number;
  priceEffect?: string;
  legs: BrokerOrderLeg[];
  /** ms since epoch. */
  updatedAt?: number;
}

/** The reply of a placement: the order plus warnings and errors. */
export interface PlacedOrderReply {
  order: BrokerOrder;
  warnings: OrderMessage[];
  errors: OrderMessage[];
}

/** Statuses after which an order never changes (tastyware order.py OrderStatus). */
export const TERMINAL_ORDER_STATUSES: ReadonlySet<string> = new Set([
  "Filled",
  "Cancelled",
  "Expired",
  "Rejected",
  "Removed",
  "Partially Removed",
]);

const fill = z.object({
  "fill-id": z.pipe(z.union([z.string(), z.number()]), z.transform(String)),
  quantity: decimal,
  "fill-price": decimal,
  "filled-at": isoTime,
});

const leg = z.object({
  symbol: z.string().check(z.minLength(1)),
  action: z.string(),
  quantity: optDecimal,
  "remaining-quantity": optDecimal,
  fills: z.pipe(
    z.optional(z.nullable(z.array(fill))),
    z.transform((f: z.output<typeof fill>[] | null | undefined) => f ?? []),
  ),
});

/** A placed order (tastyware `PlacedOrder`; `id` required here since only placed orders are read). */
export const placedOrder = z.object({
  id: z.pipe(z.union([z.number(), z.string()]), z.transform(String)),
  status: z.string().check(z.minLength(1)),
  "reject-reason": z.optional(z.nullable(z.string())),
  price: optDecimal,
  "price-effect": z.optional(z.string()),
  "updated-at": optIsoTime,
  legs: z.array(leg),
});

/** Maps a wire order. */
export function toBrokerOrder(o: z.output<typeof placedOrder>): BrokerOrder {
  return {
    id: o.id,
    status: o.status,
    terminal: TERMINAL_ORDER_STATUSES.has(o.status),
    ...(o["reject-reason"] ? { rejectReason: o["reject-reason"] } : {}),
    ...(o.price !== undefined ? { price: o.price } : {}),
    ...(o["price-effect"] ? { priceEffect: o["price-effect"] } : {}),
    ...(o["updated-at"] !== undefined ? { updatedAt: o["updated-at"] } : {}),
    legs: o.legs.map((l) => {
      const fills = l.fills.map((f) => ({
        fillId: f["fill-id"],
        quantity: f.quantity,
        price: f["fill-price"],
        filledAt: f["filled-at"],
      }));
      const quantity = l.quantity ?? 0;
      return {
        symbol: l.symbol,
        action: l.action,
        quantity,
        remainingQuantity: l["remaining-quantity"] ?? quantity - fills.reduce((n, f) => n + f.quantity, 0),
        fills,
      };
    }),
  };
}

/** POST /accounts/{acct}/orders body. */
export const placeOrderResponse = dataEnvelope(
  z.object({ order: placedOrder, warnings: messageList, errors: messageList }),
);

/** GET / DELETE /accounts/{acct}/orders/{id} body. */
export const orderResponse = dataEnvelope(placedOrder);

/** A position the broker holds. */
export interface BrokerPosition {
  /** OCC symbol. */
  symbol: string;
  instrumentType: string;
  underlying: string;
  /** Signed contracts (short < 0). */
  quantity: number;
}

const position = z.object({
  symbol: z.string().check(z.minLength(1)),
  "instrument-type": z.string(),
  "underlying-symbol": z._default(z.string(), ""),
  quantity: decimal,
  "quantity-direction": z.string(),
});

/** GET /accounts/{acct}/positions body. */
export const positionsResponse = listEnvelope(position);

/** Maps a wire position (quantity signed by quantity-direction). */
export function toBrokerPosition(p: z.output<typeof position>): BrokerPosition {
  return {
    symbol: p.symbol,
    instrumentType: p["instrument-type"],
    underlying: p["underlying-symbol"],
    quantity: p["quantity-direction"] === "Short" ? -Math.abs(p.quantity) : Math.abs(p.quantity),
  };
}
