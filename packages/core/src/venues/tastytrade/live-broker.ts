import type { LiveOrderRequest, LiveOrderResult } from "./live-order-gateway";
import type { BrokerOrder, BrokerPosition } from "../../tasty/placed-order-wire";

/** The answer to a placement: the order as placed, or why the broker refused it. */
export type SubmitReply =
  { ok: true; order: BrokerOrder; warnings: string[] } | { ok: false; errors: string[] };

/**
 * Port to a broker that places real orders and reports on them: dry-run, submit, follow, cancel,
 * and the positions it holds. Used only after an armed, confirmed decision.
 */
export interface LiveBroker {
  /** Validates without placing (tastytrade `/orders/dry-run`). */
  dryRun(order: LiveOrderRequest): Promise<LiveOrderResult>;
  /** Places the order (the same body as the dry run). */
  submit(order: LiveOrderRequest): Promise<SubmitReply>;
  /** The order now: status and fills. */
  getOrder(orderId: string): Promise<BrokerOrder>;
  /** Cancels the unfilled rest of a working order; the order after it. */
  cancelOrder(orderId: string): Promise<BrokerOrder>;
  /** Positions the broker holds. */
  positions(): Promise<BrokerPosition[]>;
}

/** True when `x` can place and follow orders (not only dry-run them). */
export function isLiveBroker(x: unknown): x is LiveBroker {
  const b = x as Partial<LiveBroker> | undefined;
  return (
    typeof b?.submit === "function" && typeof b.getOrder === "function" && typeof b.cancelOrder === "function"
  );
}
