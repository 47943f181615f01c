import type { LiveOrderRequest } from "./live-order-gateway";
import type { BrokerOrder } from "../../tasty/placed-order-wire";

/** What one leg was filled at, from the broker's fill report. */
export interface LegFill {
  /** OCC symbol. */
  symbol: string;
  /** Contracts filled. */
  quantity: number;
  /** Quantity-weighted average fill, USD per share (0 when nothing filled). */
  averagePrice: number;
}

/** The fills of an order, in the request's leg order. */
export interface OrderFills {
  legs: LegFill[];
  /** Whole spreads filled on every leg. */
  spreads: number;
  /**
   * Net price of one spread, USD per share: credit positive (sells minus buys), debit negative;
   * 0 when nothing filled.
   */
  net: number;
}

/** Spreads an order asks for (its smallest leg quantity: one contract per spread on the thinnest leg). */
export function orderSpreads(request: LiveOrderRequest): number {
  return Math.min(...request.legs.map((l) => l.quantity));
}

/** Sums the broker's fill report per leg and turns it into spreads and a net price per spread. */
export function orderFills(request: LiveOrderRequest, order: BrokerOrder): OrderFills {
  const size = orderSpreads(request);
  const legs = request.legs.map((l): LegFill => {
    const wire = order.legs.find((w) => w.symbol === l.occSymbol);
    const fills = wire?.fills ?? [];
    const quantity = fills.reduce((n, f) => n + f.quantity, 0);
    const value = fills.reduce((n, f) => n + f.quantity * f.price, 0);
    return { symbol: l.occSymbol, quantity, averagePrice: quantity > 0 ? value / quantity : 0 };
  });
  const spreads = Math.min(
    ...request.legs.map((l, i) => Math.floor((legs[i]?.quantity ?? 0) / (l.quantity / size) + 1e-9)),
  );
  let net = 0;
  if (spreads > 0)
    request.legs.forEach((l, i) => {
      const sign = l.action.startsWith("S") ? 1 : -1;
      net += sign * (legs[i]?.averagePrice ?? 0) * (l.quantity / size);
    });
  return { legs, spreads, net: Math.round(net * 10_000) / 10_000 };
}

/**
 * Why the unfilled rest of an order will never fill, from the broker's final status: `timeout`
 * (the run cancelled it), `cancelled-by-next-run` (a run finishing a stopped one did), or the
 * status itself (`expired`, `rejected`).
 */
export function cancelReasonOf(finalStatus: string | undefined, resumed: boolean): string {
  if (finalStatus === undefined || finalStatus === "Cancelled")
    return resumed ? "cancelled-by-next-run" : "timeout";
  return finalStatus.toLowerCase();
}
