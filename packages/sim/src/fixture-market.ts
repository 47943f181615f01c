import {
  type MarketDataProvider,
  type MarketMetrics,
  type Quote,
  type UnderlyingPrice,
  type ChainExpiration,
  type ChainRoot,
  type OptionChain,
  type Settlement,
  type TickSize,
  DEFAULT_INDEX_TICKS,
  roundToTick,
  tickFor,
  occSymbol,
  streamerSymbol,
} from "@stratdeck/core/market-data";
import { blackScholes, MS_PER_YEAR } from "@stratdeck/core/pricing";
import { addDays, nyDate, weekdayOf } from "@stratdeck/core/time";
import { settlementMoment } from "@stratdeck/core/ledger";

/** CBOE index option ticks: 0.05 below 3.00, 0.10 above. */
export const INDEX_TICKS: TickSize[] = [...DEFAULT_INDEX_TICKS];

/**
 * An in-memory {@link MarketDataProvider} over fixed chains, quotes, prices and metrics, for tests,
 * benchmarks and demos. The maps are public so a test can change the market between calls.
 */
export class FixtureMarketDataProvider implements MarketDataProvider {
  readonly chains = new Map<string, OptionChain>();
  readonly quotes = new Map<string, Quote>();
  readonly prices = new Map<string, UnderlyingPrice>();
  readonly metrics = new Map<string, MarketMetrics>();
  /** Symbols asked of `getQuotes`, in order (to check what a scan fetched). */
  readonly quoteRequests: string[][] = [];

  async getUnderlyingPrice(symbol: string): Promise<UnderlyingPrice> {
    return this.prices.get(symbol) ?? { price: null, source: "none", skipped: ["fixture: no price"] };
  }

  async getQuotes(symbols: readonly string[]): Promise<Map<string, Quote>> {
    this.quoteRequests.push([...symbols]);
    const out = new Map<string, Quote>();
    for (const s of symbols) {
      const q = this.quotes.get(s);
      if (q) out.set(s, q);
    }
    return out;
  }

  async getChain(underlying: string): Promise<OptionChain> {
    const c = this.chains.get(underlying);
    if (!c) throw new Error(`fixture: no chain for ${underlying}`);
    return c;
  }

  async getMetrics(underlying: string): Promise<MarketMetrics> {
    return this.metrics.get(underlying) ?? { symbol: underlying };
  }
}

/** One root of a synthetic chain. */
export interface SyntheticRoot {
  root: string;
  settlement: Settlement;
  /** Expiration dates, `YYYY-MM-DD`. */
  dates: string[];
}

/** Inputs of {@link addSyntheticUnderlying}. */
export interface SyntheticOptions {
  underlying: string;
  /** Index points. */
  spot: number;
  /** ms since epoch: the quotes' time and the model's now. */
  now: number;
  roots: SyntheticRoot[];
  /** Strikes listed on every expiration, index points. */
  strikes: number[];
  /** ATM IV, fraction; the smile adds `skew × ln(S/K)` (higher IV for lower strikes). */
  atmVol?: number;
  skew?: number;
  rate?: number;
  dividendYield?: number;
  /** Put greeks (iv, delta) on the quotes (default true); false leaves only bid/ask/mid. */
  greeks?: boolean;
  ivRank?: number;
  ivIndex?: number;
  /** Price provenance (default `stream`, fresh). */
  priceSource?: "stream" | "rest" | "ta-hint";
}

/**
 * Adds a synthetic underlying to a fixture provider: the chain (every root, every date, the same
 * strikes), Black-Scholes quotes on a skewed smile with a realistic bid/ask, the price and metrics.
 */
export function addSyntheticUnderlying(p: FixtureMarketDataProvider, o: SyntheticOptions): void {
  const atm = o.atmVol ?? 0.16;
  const skew = o.skew ?? 0.6;
  const rate = o.rate ?? 0.04;
  const q = o.dividendYield ?? 0.013;
  const today = nyDate(o.now);
  const roots: ChainRoot[] = o.roots.map((r) => ({
    root: r.root,
    sharesPerContract: 100,
    tickSizes: INDEX_TICKS,
    expirations: r.dates.map((date): ChainExpiration => {
      const years = (settlementMoment(date, r.settlement) - o.now) / MS_PER_YEAR;
      for (const k of o.strikes) {
        const vol = Math.max(0.05, atm + skew * Math.log(o.spot / k));
        for (const right of ["C", "P"] as const) {
          const bs = blackScholes({ right, spot: o.spot, strike: k, years, vol, rate, dividendYield: q });
          const half = Math.max(0.05, bs.price * 0.02);
          const bid =
            bs.price - half < 0.05 ? 0 : roundToTick(bs.price - half, tickFor(INDEX_TICKS, bs.price - half));
          const ask = roundToTick(bs.price + half, tickFor(INDEX_TICKS, bs.price + half)) || 0.05;
          const symbol = streamerSymbol({ root: r.root, date, right, strike: k });
          p.quotes.set(symbol, {
            symbol,
            bid,
            ask,
            mid: (bid + ask) / 2,
            ...(o.greeks === false ? {} : { iv: vol, delta: bs.delta }),
            source: "stream",
            asOf: o.now,
            ageMs: 0,
          });
        }
      }
      return {
        date,
        dte: Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000),
        settlement: r.settlement,
        expirationType: r.settlement === "AM" ? "Regular" : "Weekly",
        strikes: o.strikes.map((k) => ({
          strike: k,
          callOcc: occSymbol({ root: r.root, date, right: "C", strike: k }),
          callStreamer: streamerSymbol({ root: r.root, date, right: "C", strike: k }),
          putOcc: occSymbol({ root: r.root, date, right: "P", strike: k }),
          putStreamer: streamerSymbol({ root: r.root, date, right: "P", strike: k }),
        })),
      };
    }),
  }));
  p.chains.set(o.underlying, { underlying: o.underlying, roots, fetchedAt: o.now });
  const source = o.priceSource ?? "stream";
  p.prices.set(o.underlying, {
    price: o.spot,
    source,
    ageMs: 0,
    asOf: o.now,
    lowConfidence: source === "ta-hint",
    skipped: [],
  });
  p.metrics.set(o.underlying, {
    symbol: o.underlying,
    ...(o.ivRank !== undefined ? { ivRank: o.ivRank } : {}),
    ...(o.ivIndex !== undefined ? { ivIndex: o.ivIndex } : {}),
  });
}

/**
 * Roots like SPX's: SPXW (PM) on the next 25 weekdays then on Fridays, and SPX (AM) on the monthly
 * third Fridays among them; `count` expirations in all.
 */
export function spxLikeRoots(today: string, count: number): SyntheticRoot[] {
  const pm: string[] = [];
  const am: string[] = [];
  for (let d = addDays(today, 1); pm.length + am.length < count; d = addDays(d, 1)) {
    const wd = weekdayOf(d);
    if (wd === 0 || wd === 6) continue;
    const day = Number(d.slice(8, 10));
    if (wd === 5 && day >= 15 && day <= 21) am.push(d);
    if (pm.length < 25 || wd === 5) pm.push(d);
  }
  return [
    { root: "SPXW", settlement: "PM", dates: pm },
    { root: "SPX", settlement: "AM", dates: am },
  ];
}

/** `n` strikes `step` points apart centred on `spot` (rounded to the step). */
export function evenStrikes(spot: number, n: number, step: number): number[] {
  const first = Math.round(spot / step - n / 2) * step;
  return Array.from({ length: n }, (_, i) => first + i * step);
}
