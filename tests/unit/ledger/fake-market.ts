import type {
  MarketDataProvider,
  MarketMetrics,
  OptionChain,
  Quote,
  UnderlyingPrice,
} from "@stratdeck/core/market-data";
import { spreadProfile, type PaperOrderStore, type PositionRecord } from "@stratdeck/core/ledger";
import type { Idea, IdeaLeg } from "@stratdeck/core/strategies";
import type { Clock } from "@stratdeck/core/time";

/** 10:00 New York on Wednesday 2026-11-25. */
export const T0 = Date.parse("2026-11-25T15:00:00Z");
export const EXPIRY = "2027-01-08";
export const SHORT = ".SPXW270108P5700";
export const LONG = ".SPXW270108P5675";

/** A MarketDataProvider over quotes the test sets; counts calls. */
export class FakeMarket implements MarketDataProvider {
  readonly quotes = new Map<string, Quote>();
  readonly underlyings = new Map<string, UnderlyingPrice>();
  calls = { quotes: 0, underlying: 0, chain: 0 };

  constructor(private readonly clock: Clock) {}

  /** Sets a quote observed `ageMs` ago (USD per share). */
  quote(symbol: string, bid: number | undefined, ask: number | undefined, ageMs = 200): this {
    const asOf = this.clock.now() - ageMs;
    this.quotes.set(symbol, { symbol, bid, ask, source: "stream", asOf, ageMs });
    return this;
  }

  /** Sets an underlying price (index points). */
  spot(symbol: string, price: number, source: "stream" | "rest" | "ta-hint" = "stream"): this {
    const asOf = this.clock.now() - 100;
    this.underlyings.set(symbol, {
      price,
      source,
      ageMs: 100,
      asOf,
      lowConfidence: source === "ta-hint",
      skipped: [],
    });
    return this;
  }

  drop(symbol: string): this {
    this.quotes.delete(symbol);
    return this;
  }

  async getUnderlyingPrice(symbol: string): Promise<UnderlyingPrice> {
    this.calls.underlying += 1;
    return (
      this.underlyings.get(symbol) ?? { price: null, source: "none", skipped: ["stream: none", "rest: none"] }
    );
  }

  async getQuotes(symbols: readonly string[]): Promise<Map<string, Quote>> {
    this.calls.quotes += 1;
    const now = this.clock.now();
    const out = new Map<string, Quote>();
    for (const s of symbols) {
      const q = this.quotes.get(s);
      if (q) out.set(s, { ...q, ageMs: now - q.asOf });
    }
    return out;
  }

  async getChain(underlying: string): Promise<OptionChain> {
    this.calls.chain += 1;
    return {
      underlying,
      fetchedAt: this.clock.now(),
      roots: [
        {
          root: "SPXW",
          sharesPerContract: 100,
          tickSizes: [{ value: 0.05, threshold: 3 }, { value: 0.1 }],
          expirations: [],
        },
      ],
    };
  }

  async getMetrics(symbol: string): Promise<MarketMetrics> {
    return { symbol, ivRank: 0.3 };
  }
}

function leg(side: "short" | "long", strike: number, streamerSymbol: string): IdeaLeg {
  return {
    side,
    optionType: "P",
    strike,
    expiration: EXPIRY,
    root: "SPXW",
    occSymbol: `SPXW  270108P0${strike}000`,
    streamerSymbol,
    quoteSource: "stream",
    quoteTime: T0 - 1000,
    quoteAgeMs: 1000,
  };
}

/** A passing, tradable SPX 5700/5675 put spread idea for 1.45 credit (mid). */
export function putSpreadIdea(overrides: Partial<Idea> = {}): Idea {
  return {
    id: `short_put_spread_index_45d|SPX|${EXPIRY}|5700/5675`,
    strategy: "short_put_spread_index_45d",
    underlying: "SPX",
    root: "SPXW",
    settlement: "PM",
    expiration: EXPIRY,
    dte: 44,
    legs: [leg("short", 5700, SHORT), leg("long", 5675, LONG)],
    credit: 1.45,
    width: 25,
    creditPerWidth: 0.058,
    maxProfitCents: 14_500,
    maxLossCents: 235_500,
    breakevens: [5698.55],
    pop: 0.8,
    ivRank: 0.3,
    underlyingPrice: 6010.25,
    underlyingSource: "stream",
    quantity: 1,
    multiplier: 100,
    score: 1,
    verdict: "pass",
    checks: [],
    reasons: [],
    tradable: true,
    builtAt: T0 - 1000,
    ...overrides,
  };
}

/** A market where the put spread fills at 1.45 (mid) / 1.35 (conservative). */
export function entryMarket(clock: Clock): FakeMarket {
  return new FakeMarket(clock).spot("SPX", 6010.25).quote(SHORT, 8.1, 8.4).quote(LONG, 6.7, 6.9);
}

/** An open SPX 5700/5675 put spread opened for `credit`. */
export function putSpread(credit = 1.45, expiration = EXPIRY, quantity = 1): PositionRecord {
  const profile = spreadProfile(
    [
      { side: "short", optionType: "P", strike: 5700, ratio: 1 },
      { side: "long", optionType: "P", strike: 5675, ratio: 1 },
    ],
    credit,
  );
  return {
    positionId: "pos_test",
    strategy: "short_put_spread_index_45d",
    underlying: "SPX",
    root: "SPXW",
    settlement: "PM",
    expiration,
    quantity,
    multiplier: 100,
    mode: "paper",
    openedAt: T0 - 86_400_000,
    entryCredit: credit,
    width: 25,
    maxProfitCents: Math.round(profile.maxProfit * 100 * 100) * quantity,
    maxLossCents: Math.round(profile.maxLoss * 100 * 100) * quantity,
    breakevens: profile.breakevens,
    underlyingAtEntry: 6000,
    idempotencyKey: "k",
    status: "open",
    legs: [
      {
        occSymbol: "S",
        streamerSymbol: SHORT,
        optionType: "P",
        strike: 5700,
        expiration,
        side: "short",
        ratio: 1,
        entryPrice: 8.25,
      },
      {
        occSymbol: "L",
        streamerSymbol: LONG,
        optionType: "P",
        strike: 5675,
        expiration,
        side: "long",
        ratio: 1,
        entryPrice: 6.8,
      },
    ],
  };
}

/** Stores a position through the order log (as an entry would); `overrides` adjust the position. */
export async function seed(
  orders: PaperOrderStore,
  credit = 1.5,
  expiration?: string,
  overrides: Partial<PositionRecord> = {},
) {
  const { positionId: _p, status: _s, idempotencyKey: key, ...position } = putSpread(credit, expiration);
  const idempotencyKey = overrides.idempotencyKey ?? key;
  const res = await orders.open(
    {
      time: position.openedAt,
      underlying: "SPX",
      strategy: position.strategy,
      side: "credit",
      quantity: 1,
      price: credit,
      underlyingPrice: 6000,
      mode: "paper",
      legs: [],
      idempotencyKey,
      reason: "entry",
    },
    { ...position, ...overrides },
  );
  return res.order.positionId;
}

/** The entry order `enterAuto` writes for {@link putSpreadIdea} on {@link entryMarket} (conservative fill). */
export function expectedEntryOrder(slot: string) {
  return {
    time: T0,
    underlying: "SPX",
    strategy: "short_put_spread_index_45d",
    side: "credit",
    quantity: 1,
    price: 1.35,
    underlyingPrice: 6010.25,
    underlyingSource: "stream",
    mode: "paper",
    idempotencyKey: `short_put_spread_index_45d|SPX|${slot}`,
    reason: "entry",
  };
}
