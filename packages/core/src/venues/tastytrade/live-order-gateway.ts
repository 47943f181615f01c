import type { LegAction, OrderLeg, OrderRecord } from "../../ledger/order-types";
import type { LiveOrderResult } from "../venue";

/** A limit order for tastytrade, built from an order-log record. */
export interface LiveOrderRequest {
  underlying: string;
  /** Limit price of one spread, USD per share, unsigned. */
  price: number;
  priceEffect: "Credit" | "Debit";
  timeInForce: "Day";
  orderType: "Limit";
  legs: { occSymbol: string; action: LegAction; quantity: number }[];
}

/** What tastytrade said about an order (dry-run or real): the venue port's result type. */
export type { LiveOrderResult };

/**
 * Port to the broker. `dryRun` validates an order without placing it (tastytrade's `/orders/dry-run`);
 * `place` sends it for real and is only called after an armed, explicitly confirmed decision.
 */
export interface LiveOrderGateway {
  dryRun(order: LiveOrderRequest): Promise<LiveOrderResult>;
  place?(order: LiveOrderRequest): Promise<LiveOrderResult>;
}

/** The broker request of an order-log record (quantity = legs' ratio × spreads). */
export function liveOrderRequest(
  order: Pick<OrderRecord, "underlying" | "price" | "side" | "quantity"> & {
    legs: readonly Pick<OrderLeg, "occSymbol" | "action" | "ratio">[];
  },
): LiveOrderRequest {
  return {
    underlying: order.underlying,
    price: order.price,
    priceEffect: order.side === "credit" ? "Credit" : "Debit",
    timeInForce: "Day",
    orderType: "Limit",
    legs: order.legs.map((l) => ({
      occSymbol: l.occSymbol,
      action: l.action,
      quantity: l.ratio * order.quantity,
    })),
  };
}
