import type { MarketDataProvider } from "../market-data/market-data-provider";
import type { Settlement } from "../market-data/option-chain";
import { settlementInstant } from "../time/settlement";

/** Which settlement price is wanted. */
export interface SettlementRequest {
  underlying: string;
  root: string;
  /** `YYYY-MM-DD`. */
  expiration: string;
  settlement: Settlement;
  /** The settlement moment, ms since epoch (see {@link settlementMoment}). */
  at: number;
}

/** A settlement price. */
export interface SettlementPrice {
  /** Index points. */
  price: number;
  /** Where it came from, e.g. `soq`, `close`, `approx:stream`. */
  source: string;
  /** When the price was observed, ms since epoch. */
  asOf: number;
  /** True when it stands in for the official figure. */
  approximate: boolean;
}

/** Port: the official (or stand-in) settlement price of an expiration; null while not yet known. */
export interface SettlementPriceSource {
  settlementPrice(request: SettlementRequest): Promise<SettlementPrice | null>;
}

/**
 * When an expiration settles, ms since epoch: AM roots at the open of the expiration day, PM roots
 * at its close (early closes included); a holiday expiration settles on the trading day before.
 * See {@link settlementInstant}.
 */
export function settlementMoment(expiration: string, settlement: Settlement): number {
  return settlementInstant(expiration, settlement);
}

/**
 * Stand-in settlement source for the simulator (and as a fallback live): the provider's underlying
 * price when asked. Approximation: the simulator keeps no history, so the price at the moment of the
 * question stands in for the opening print (AM) or the closing print (PM); run the settlement job
 * soon after the settlement moment for it to be close. Marked `approximate` in the order log.
 */
export class ProviderSettlementSource implements SettlementPriceSource {
  constructor(private readonly provider: Pick<MarketDataProvider, "getUnderlyingPrice">) {}

  async settlementPrice(request: SettlementRequest): Promise<SettlementPrice | null> {
    const p = await this.provider.getUnderlyingPrice(request.underlying);
    if (p.price === null) return null;
    return { price: p.price, source: `approx:${p.source}`, asOf: p.asOf, approximate: true };
  }
}
