import type { MarketDataProvider, Quote } from "../market-data/market-data-provider";

/**
 * Quotes fetched during one scan of one underlying, by streamer symbol. Each symbol is asked of the
 * provider at most once per scan (a miss is remembered too), so strategies sharing strikes share
 * the fetch.
 */
export class QuoteBook {
  private readonly quotes = new Map<string, Quote | null>();

  constructor(private readonly provider: Pick<MarketDataProvider, "getQuotes">) {}

  /** Fetches, in one call, every symbol not asked before. */
  async ensure(symbols: Iterable<string>): Promise<void> {
    const missing: string[] = [];
    for (const s of symbols) if (!this.quotes.has(s)) missing.push(s);
    if (missing.length === 0) return;
    for (const s of missing) this.quotes.set(s, null);
    const got = await this.provider.getQuotes(missing);
    for (const [s, q] of got) this.quotes.set(s, q);
  }

  /** The quote of a symbol fetched earlier, or undefined when the provider had none. */
  get(symbol: string): Quote | undefined {
    return this.quotes.get(symbol) ?? undefined;
  }
}
