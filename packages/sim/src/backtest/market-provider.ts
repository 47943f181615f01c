import type {
  MarketDataProvider,
  MarketMetrics,
  Quote,
  UnderlyingPrice,
  OptionChain,
} from "@stratdeck/core/market-data";
import { listChain } from "../market/chain";
import { indexHalfSpread, underlyingSpec } from "../market/underlyings";
import { type Clock, nyDate } from "@stratdeck/core/time";
import type { BacktestMarket } from "./backtest-market";
import { optionChainOf } from "./chain-of";

/**
 * The {@link MarketDataProvider} port served in-process from a {@link BacktestMarket} at the
 * clock's now: every price is the one printed at or before now (`asOf` ≤ now), reported as a
 * streaming quote. Synthetic chains are listed once per underlying and New York date.
 */
export class BacktestMarketDataProvider implements MarketDataProvider {
  private readonly chains = new Map<string, { day: string; chain: OptionChain }>();

  constructor(
    private readonly market: BacktestMarket,
    private readonly clock: Clock,
  ) {}

  async getUnderlyingPrice(symbol: string): Promise<UnderlyingPrice> {
    const now = this.clock.now();
    const price = this.market.spotAt(symbol, now);
    if (!Number.isFinite(price))
      return { price: null, source: "none", skipped: [`backtest: no price for ${symbol}`] };
    const asOf = this.market.stampAt(symbol, now);
    return { price, source: "stream", ageMs: now - asOf, asOf, lowConfidence: false, skipped: [] };
  }

  async getQuotes(streamerSymbols: readonly string[]): Promise<Map<string, Quote>> {
    const now = this.clock.now();
    const out = new Map<string, Quote>();
    for (const symbol of streamerSymbols) {
      if (symbol.startsWith(".")) {
        const q = this.market.optionQuoteOf(symbol, now);
        if (!q) continue;
        const quote: Quote = { symbol, source: "stream", asOf: q.stampMs, ageMs: now - q.stampMs };
        // Only the fields the market has (a replayed quote may lack greeks or a side).
        if (Number.isFinite(q.bid)) quote.bid = q.bid;
        if (Number.isFinite(q.ask)) quote.ask = q.ask;
        if (Number.isFinite(q.mid)) quote.mid = q.mid;
        if (Number.isFinite(q.iv)) quote.iv = q.iv;
        if (Number.isFinite(q.delta)) quote.delta = q.delta;
        out.set(symbol, quote);
        continue;
      }
      const spot = this.market.spotAt(symbol, now);
      if (!Number.isFinite(spot)) continue;
      const half = indexHalfSpread(spot);
      const asOf = this.market.stampAt(symbol, now);
      out.set(symbol, {
        symbol,
        bid: spot - half,
        ask: spot + half,
        mid: spot,
        source: "stream",
        asOf,
        ageMs: now - asOf,
      });
    }
    return out;
  }

  async getChain(underlying: string): Promise<OptionChain> {
    const now = this.clock.now();
    // A recorded chain grows as symbols arrive: asked each time. The synthetic listing is per day.
    if (this.market.chainAt) return this.market.chainAt(underlying, now);
    const day = nyDate(now);
    const hit = this.chains.get(underlying);
    if (hit && hit.day === day) return hit.chain;
    const chain = this.listed(underlying, now);
    this.chains.set(underlying, { day, chain });
    return chain;
  }

  private listed(underlying: string, now: number): OptionChain {
    const spec = underlyingSpec(underlying);
    if (!spec) throw new Error(`backtest: unknown underlying ${underlying}`);
    return optionChainOf(listChain(spec, this.market.spotAt(underlying, now), now), now);
  }

  async getMetrics(underlying: string): Promise<MarketMetrics> {
    const now = this.clock.now();
    const ivRank = this.market.ivRankAt(underlying, now);
    const ivIndex = this.market.ivIndexAt(underlying, now);
    return {
      symbol: underlying,
      ...(ivRank !== undefined ? { ivRank } : {}),
      ...(ivIndex !== undefined ? { ivIndex } : {}),
      updatedAt: this.market.stampAt(underlying, now),
    };
  }
}
