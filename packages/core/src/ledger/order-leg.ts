import type { LegAction, OrderLeg } from "./order-types";

/** The contract fields a leg of an order carries (from an idea leg or a position leg). */
export type LegContract = Pick<
  OrderLeg,
  "occSymbol" | "streamerSymbol" | "optionType" | "strike" | "expiration"
>;

/** The quote a leg was filled against and its fill price. */
export interface LegFillQuote {
  /** USD per share. */
  bid?: number;
  ask?: number;
  fillPrice: number;
  /** ms since epoch. */
  quoteTime: number;
  quoteSource?: string;
}

/** An order-log leg: the contract, the action, and the quote it filled against (absent sides omitted). */
export function orderLeg(
  contract: LegContract,
  action: LegAction,
  ratio: number,
  fill: LegFillQuote,
): OrderLeg {
  return {
    occSymbol: contract.occSymbol,
    streamerSymbol: contract.streamerSymbol,
    optionType: contract.optionType,
    strike: contract.strike,
    expiration: contract.expiration,
    action,
    ratio,
    ...(fill.bid !== undefined ? { bid: fill.bid } : {}),
    ...(fill.ask !== undefined ? { ask: fill.ask } : {}),
    fillPrice: fill.fillPrice,
    quoteTime: fill.quoteTime,
    ...(fill.quoteSource ? { quoteSource: fill.quoteSource } : {}),
  };
}
