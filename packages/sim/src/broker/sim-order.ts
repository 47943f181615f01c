import type { OrderBodyT } from "./order-body";
import type { ResolvedLeg } from "./preflight";

/** tastytrade order statuses the simulator produces (tastyware order.py OrderStatus). */
export type SimOrderStatus =
  | "Received"
  | "Routed"
  | "In Flight"
  | "Live"
  | "Cancel Requested"
  | "Filled"
  | "Cancelled"
  | "Rejected"
  | "Expired";

/** One fill of one leg (tastyware order.py FillInfo). */
export interface SimFill {
  fillId: string;
  /** Contracts. */
  quantity: number;
  /** USD per share. */
  price: number;
  /** ms since epoch, market clock. */
  filledAt: number;
}

/** A placed order and its lifecycle. */
export interface SimOrder {
  id: number;
  account: string;
  body: OrderBodyT;
  legs: ResolvedLeg[];
  underlying: string;
  /** Spreads. */
  size: number;
  /** Spreads filled so far. */
  filled: number;
  status: SimOrderStatus;
  /** Statuses still to pass through before Live (order faults). */
  preLive?: Array<"Routed" | "In Flight">;
  /** Looks at the book left before a Cancel Requested order is Cancelled. */
  cancelLooks?: number;
  /** Buying power held for the unfilled part, USD per spread. */
  requirementPerSpread: number;
  /** Per leg, in leg order. */
  fills: SimFill[][];
  receivedAt: number;
  liveAt?: number;
  terminalAt?: number;
  cancelledAt?: number;
  updatedAt: number;
  rejectReason?: string;
}

/** Statuses after which nothing changes. */
export const TERMINAL: ReadonlySet<SimOrderStatus> = new Set(["Filled", "Cancelled", "Rejected", "Expired"]);
