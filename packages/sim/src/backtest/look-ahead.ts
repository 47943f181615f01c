import type {
  MarketDataProvider,
  MarketMetrics,
  Quote,
  UnderlyingPrice,
  OptionChain,
} from "@stratdeck/core/market-data";
import type { Clock } from "@stratdeck/core/time";

/** Counts of what the jobs read, and every read stamped after the clock's now. */
export interface LookAheadWatch {
  reads: number;
  /** Prices read whose stamp was later than the time of the read. */
  violations: { symbol: string; asOf: number; now: number }[];
}

/** A new, empty watch. */
export function lookAheadWatch(): LookAheadWatch {
  return { reads: 0, violations: [] };
}

/** Wraps a provider and records, for every price it hands out, whether it was stamped after now. */
export class MarketDataProviderSpy implements MarketDataProvider {
  constructor(
    private readonly inner: MarketDataProvider,
    private readonly clock: Clock,
    private readonly watch: LookAheadWatch,
  ) {}

  private check(symbol: string, asOf: number | undefined): void {
    this.watch.reads += 1;
    const now = this.clock.now();
    if (asOf !== undefined && asOf > now) this.watch.violations.push({ symbol, asOf, now });
  }

  async getUnderlyingPrice(symbol: string): Promise<UnderlyingPrice> {
    const p = await this.inner.getUnderlyingPrice(symbol);
    if (p.price !== null) this.check(symbol, p.asOf);
    return p;
  }

  async getQuotes(streamerSymbols: readonly string[]): Promise<Map<string, Quote>> {
    const q = await this.inner.getQuotes(streamerSymbols);
    for (const [s, quote] of q) this.check(s, quote.asOf);
    return q;
  }

  getChain(underlying: string): Promise<OptionChain> {
    return this.inner.getChain(underlying);
  }

  async getMetrics(underlying: string): Promise<MarketMetrics> {
    const m = await this.inner.getMetrics(underlying);
    this.check(underlying, m.updatedAt);
    return m;
  }
}
