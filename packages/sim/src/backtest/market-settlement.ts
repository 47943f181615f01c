import type { SettlementPrice, SettlementPriceSource, SettlementRequest } from "@stratdeck/core/ledger";
import type { Clock } from "@stratdeck/core/time";
import type { BacktestMarket } from "./backtest-market";

/**
 * The settlement price of an expiration from the backtest market: the index printed at the
 * settlement instant itself (the open for AM roots, the close for PM roots), never a later value;
 * null until the clock reaches that instant.
 */
export class MarketSettlementSource implements SettlementPriceSource {
  constructor(
    private readonly market: BacktestMarket,
    private readonly clock: Clock,
  ) {}

  async settlementPrice(request: SettlementRequest): Promise<SettlementPrice | null> {
    if (this.clock.now() < request.at) return null;
    const price = this.market.spotAt(request.underlying, request.at);
    if (!Number.isFinite(price)) return null;
    return {
      price,
      source: request.settlement === "AM" ? "market:open" : "market:close",
      asOf: this.market.stampAt(request.underlying, request.at),
      approximate: false,
    };
  }
}
