import type {
  MarketDataProvider,
  MarketMetrics,
  Quote,
  UnderlyingPrice,
} from "../market-data/market-data-provider";
import type { OptionChain } from "../market-data/option-chain";
import { listChain } from "../sim/market/chain";
import { indexHalfSpread, underlyingSpec } from "../sim/market/underlyings";
import type { Clock } from "../time/clock";
import { nyDate } from "../time/new-york";
import type { BacktestMarket } from "./backtest-market";
import { optionChainOf } from "./chain-of";

/**
 * The {@link MarketDataProvider} port served in-process from a {@link BacktestMarket} at the
 * clock's now: every price is the one printed at or before now (`asOf` ≤ now), reported as a
 * streaming quote. Chains are listed once per underlying and New York date.
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
        out.set(symbol, {
          symbol,
          bid: q.bid,
          ask: q.ask,
          mid: q.mid,
          iv: q.iv,
          delta: q.delta,
          source: "stream",
          asOf: q.stampMs,
          ageMs: now - q.stampMs,
        });
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
    const day = nyDate(now);
    const hit = this.chains.get(underlying);
    if (hit && hit.day === day) return hit.chain;
    const spec = underlyingSpec(underlying);
    if (!spec) throw new Error(`backtest: unknown underlying ${underlying}`);
    const chain = optionChainOf(listChain(spec, this.market.spotAt(underlying, now), now), now);
    this.chains.set(underlying, { day, chain });
    return chain;
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
