import { naturalNetCredit, type NaturalLeg } from "@stratdeck/core/pricing";
import { parseOccSymbol, rootSpec, type OptionId, type SyntheticMarket } from "../market";
import type { SimOptionQuote } from "../types";
import { HttpError } from "../rest/envelope";
import { buyingPowerRequirement, orderFees, type FeeBreakdown } from "../rest/order-math";
import type { OrderBodyT } from "./order-body";

/** One leg of an order, resolved against the synthetic market. */
export interface ResolvedLeg {
  symbol: string;
  action: OrderBodyT["legs"][number]["action"];
  quantity: number;
  id: OptionId;
  /** +1 buy, −1 sell. */
  sign: 1 | -1;
  quote: SimOptionQuote;
}

/** What an order would do: its legs, size, buying-power change and fees (USD). */
export interface Preflight {
  legs: ResolvedLeg[];
  underlying: string;
  /** Spreads: the smallest leg quantity. */
  size: number;
  /** Buying power used (> 0) or freed (< 0), USD. */
  change: number;
  /** Margin requirement of the order on its own, USD. */
  requirement: number;
  fees: FeeBreakdown;
}

/**
 * Resolves the legs (an unknown or expired symbol is a 422 naming the leg) and computes the
 * buying-power effect and fees at `now`.
 */
export function preflight(market: SyntheticMarket, order: OrderBodyT, now: number): Preflight {
  const legs: ResolvedLeg[] = order.legs.map((l, i) => {
    const id = parseOccSymbol(l.symbol);
    const root = id ? rootSpec(id.root) : undefined;
    const quote = id ? market.optionQuoteAt(id, now) : null;
    if (!id || !root || !quote) {
      throw new HttpError(
        422,
        "validation_error",
        `legs.${i}.symbol: unknown or expired option ${l.symbol}`,
        [{ domain: `legs.${i}.symbol`, reason: "unknown or expired option" }],
      );
    }
    const sign = l.action.startsWith("Buy") ? 1 : -1;
    return { symbol: l.symbol, action: l.action, quantity: l.quantity, id, sign, quote };
  });
  const root = legs[0] ? rootSpec(legs[0].id.root) : undefined;
  if (!root) throw new Error("preflight: an order needs at least one leg of a known root");
  const underlying = root.u.symbol;
  const size = Math.min(...legs.map((l) => l.quantity));
  const unitPrice =
    order.price !== undefined
      ? order.price * (order["price-effect"] === "Debit" ? -1 : 1)
      : legs.reduce((s, l) => s - l.sign * l.quote.mid * (l.quantity / size), 0);
  const netCredit = unitPrice * size * 100;
  const requirement = buyingPowerRequirement(
    legs.map((l) => ({ id: l.id, sign: l.sign, quantity: l.quantity })),
    netCredit,
    market.spotAt(underlying, now),
  );
  const opening = legs.every((l) => l.action.endsWith("Open"));
  const fees = orderFees(
    underlying,
    legs.map((l) => ({
      quantity: l.quantity,
      opening: l.action.endsWith("Open"),
      sell: l.sign < 0,
      price: l.quote.mid,
    })),
    now,
  );
  return { legs, underlying, size, change: opening ? requirement : -requirement, requirement, fees };
}

/** A resolved leg of an order of `size` spreads as core's natural price sees it, quoted by `q`. */
export const naturalLeg = (l: ResolvedLeg, size: number, q: SimOptionQuote): NaturalLeg => ({
  sell: l.sign < 0,
  ratio: l.quantity / size,
  bid: q.bid,
  ask: q.ask,
});

/**
 * Net credit of one spread at the natural prices (core's {@link naturalNetCredit}: sells at the
 * bid, buys at the ask, cents against the trader), USD per share; negative for a debit; null when
 * a leg has no quote.
 */
export function naturalCredit(
  legs: readonly ResolvedLeg[],
  size: number,
  quoteOf: (l: ResolvedLeg) => SimOptionQuote | null,
): number | null {
  const natural: NaturalLeg[] = [];
  for (const l of legs) {
    const q = quoteOf(l);
    if (!q) return null;
    natural.push(naturalLeg(l, size, q));
  }
  return naturalNetCredit(natural) ?? null;
}
