import { afterEach, beforeEach } from "vitest";
import type { LiveConfig } from "@stratdeck/core/config";
import { TastyLiveBroker, TastyVenue, type LiveBroker } from "@stratdeck/core/venues/tastytrade";
import { PaperVenue, venuesOf } from "@stratdeck/core/venues";
import { MemorySnapshotStore } from "@stratdeck/core/market-data";
import { memoryLog, type MemoryLog } from "@stratdeck/core/log";
import {
  DEFAULT_FEE_SCHEDULE,
  fillBook,
  type EntryRecords,
  type PaperOrderStore,
} from "@stratdeck/core/ledger";
import type { LiveOrderRequest } from "@stratdeck/core/venues/tastytrade";
import { startSimulator, type RunningSimulator } from "@stratdeck/sim";
import { TastyMarketDataProvider, TastyRestClient } from "@stratdeck/core/tasty";
import { FakeClock } from "@stratdeck/core/time";

/** Live settings for tests: fast polling on the fake clock, generous limits unless overridden. */
export function liveSettings(over: Partial<LiveConfig> = {}): LiveConfig {
  return {
    scheduledConfirm: false,
    maxContractsPerOrder: 10,
    maxOpenPositions: 10,
    dailyLossStopCents: 100_000,
    cancelAfterMs: 10_000,
    pollMs: 1_000,
    walkSteps: 0,
    ...over,
  };
}

/** A broker that records the order of calls and the bodies sent (over the real REST client). */
export class RecordingBroker implements LiveBroker {
  readonly calls: Array<{ call: string; order?: LiveOrderRequest }> = [];
  constructor(private readonly inner: TastyLiveBroker) {}
  dryRun(order: LiveOrderRequest) {
    this.calls.push({ call: "dryRun", order });
    return this.inner.dryRun(order);
  }
  submit(order: LiveOrderRequest) {
    this.calls.push({ call: "submit", order });
    return this.inner.submit(order);
  }
  getOrder(id: string) {
    this.calls.push({ call: "getOrder" });
    return this.inner.getOrder(id);
  }
  cancelOrder(id: string) {
    this.calls.push({ call: "cancelOrder" });
    return this.inner.cancelOrder(id);
  }
  positions() {
    return this.inner.positions();
  }
}

/** A simulator on a frozen fake clock at a New York session time, and a broker over REST. */
export async function liveSim(): Promise<{
  sim: RunningSimulator;
  clock: FakeClock;
  rest: TastyRestClient;
  broker: RecordingBroker;
  log: MemoryLog;
  sleep: (ms: number) => Promise<void>;
}> {
  const clock = new FakeClock("2026-03-10T15:00:00Z");
  const sim = await startSimulator({ clock, seed: 5 });
  sim.market.setWalk(false);
  const log = memoryLog();
  const rest = new TastyRestClient({
    tasty: { clientSecret: "s", refreshToken: "r", isTest: false, apiUrl: sim.restUrl },
    clock,
    log,
    // Generous: the first call (token + chain) shares two cores with every other test worker.
    timeoutMs: 10_000,
  });
  const broker = new RecordingBroker(new TastyLiveBroker(rest));
  // Waiting moves the fake clock, so the cancel timeout is reached deterministically.
  const sleep = async (ms: number): Promise<void> => {
    clock.advance(ms);
    await new Promise((r) => setImmediate(r));
  };
  return { sim, clock, rest, broker, log, sleep };
}

/**
 * Entry records of a 1-lot SPXW put spread (short near 3% out of the money, long 25 points lower)
 * priced `offset` USD above its natural credit; quotes from the simulator now.
 */
export async function spreadRecords(
  env: { sim: RunningSimulator; rest: TastyRestClient; clock: FakeClock },
  opts: { quantity?: number; offset?: number; key?: string } = {},
): Promise<{ records: EntryRecords; natural: number }> {
  const chain = await env.rest.getNestedChain("SPX");
  const exp = chain.roots.find((r) => r.root === "SPXW")!.expirations.find((e) => e.dte >= 20)!;
  const spot = env.sim.market.spot("SPX");
  const short = [...exp.strikes].sort(
    (a, b) => Math.abs(a.strike - spot * 0.97) - Math.abs(b.strike - spot * 0.97),
  )[0]!;
  const long = exp.strikes.find((s) => s.strike === short.strike - 25)!;
  const qs = env.sim.market.optionQuote(short.putStreamer)!;
  const ql = env.sim.market.optionQuote(long.putStreamer)!;
  const natural = Math.round((qs.bid - ql.ask) * 100) / 100;
  const price = Math.round((natural + (opts.offset ?? 0)) * 100) / 100;
  const quantity = opts.quantity ?? 1;
  const now = env.clock.now();
  const leg = (s: typeof short, side: "short" | "long", q: typeof qs) => ({
    occSymbol: s.putOcc,
    streamerSymbol: s.putStreamer,
    optionType: "P" as const,
    strike: s.strike,
    expiration: exp.date,
    action: side === "short" ? ("STO" as const) : ("BTO" as const),
    ratio: 1,
    bid: q.bid,
    ask: q.ask,
    fillPrice: side === "short" ? q.bid : q.ask,
    quoteTime: now,
  });
  const key = opts.key ?? `short_put_spread|SPX|2026-03-10T10:00|${price}|${quantity}`;
  const records: EntryRecords = {
    order: {
      time: now,
      underlying: "SPX",
      strategy: "short_put_spread_index_45d",
      side: "credit",
      quantity,
      price,
      underlyingPrice: spot,
      underlyingSource: "stream",
      mode: "live",
      idempotencyKey: key,
      reason: "entry",
      legs: [leg(short, "short", qs), leg(long, "long", ql)],
    },
    position: {
      strategy: "short_put_spread_index_45d",
      underlying: "SPX",
      root: "SPXW",
      settlement: "PM",
      expiration: exp.date,
      quantity,
      multiplier: 100,
      mode: "live",
      openedAt: now,
      entryCredit: price,
      width: 25,
      maxProfitCents: Math.round(price * 100 * 100) * quantity,
      maxLossCents: Math.round((25 - price) * 100 * 100) * quantity,
      breakevens: [short.strike - price],
      underlyingAtEntry: spot,
      tickSizes: [{ value: 0.05, threshold: 3 }, { value: 0.1 }],
      legs: [
        {
          occSymbol: short.putOcc,
          streamerSymbol: short.putStreamer,
          optionType: "P",
          strike: short.strike,
          expiration: exp.date,
          side: "short",
          ratio: 1,
          entryPrice: qs.bid,
        },
        {
          occSymbol: long.putOcc,
          streamerSymbol: long.putStreamer,
          optionType: "P",
          strike: long.strike,
          expiration: exp.date,
          side: "long",
          ratio: 1,
          entryPrice: ql.ask,
        },
      ],
    },
  };
  return { records, natural };
}

/** What {@link liveSim} gives a test. */
export type LiveEnv = Awaited<ReturnType<typeof liveSim>>;

/** A fresh {@link liveSim} before each test (handed to `ready`), stopped after it. */
export function useLiveSim(ready: (env: LiveEnv) => void): void {
  let env: LiveEnv | undefined;
  beforeEach(async () => {
    env = await liveSim();
    ready(env);
  });
  afterEach(async () => {
    await env?.sim.stop();
  });
}

/** The ledger's fill book over a test order log (tastytrade's published fee schedule). */
export function bookOf(env: LiveEnv, orders: PaperOrderStore) {
  return fillBook({ orders, log: env.log, feeSchedule: DEFAULT_FEE_SCHEDULE });
}

/** Deps of `enterLive` over a test env and order log, with live settings overrides. */
export function entryDeps(env: LiveEnv, orders: PaperOrderStore, over: Partial<LiveConfig> = {}) {
  return {
    orders,
    broker: env.broker,
    clock: env.clock,
    settings: liveSettings(over),
    sleep: env.sleep,
    book: bookOf(env, orders),
  };
}

/**
 * Deps of `closePosition` over a test env and order log: quotes from the simulator's REST, the
 * tastytrade venue for live positions (waiting with `sleep`; a rejecting one stands for a process
 * killed there) beside the paper venue, armed and in live mode unless told otherwise.
 */
export function liveCloseDeps(
  env: LiveEnv,
  orders: PaperOrderStore,
  options: {
    settings: LiveConfig;
    tradingMode?: "paper" | "live";
    liveArmed?: boolean;
    sleep?: (ms: number) => Promise<void>;
  },
) {
  const { settings } = options;
  const provider = new TastyMarketDataProvider({
    rest: env.rest,
    snapshots: new MemorySnapshotStore(env.clock),
    clock: env.clock,
    log: env.log,
  });
  const sleep = options.sleep ?? env.sleep;
  const tasty = new TastyVenue({
    orders,
    gateway: env.broker,
    clock: env.clock,
    settings,
    log: env.log,
    sleep,
  });
  return {
    config: {
      tradingMode: options.tradingMode ?? ("live" as const),
      liveArmed: options.liveArmed ?? true,
      live: settings,
    },
    clock: env.clock,
    log: env.log,
    orders,
    provider,
    venues: venuesOf(tasty, [new PaperVenue()]),
  };
}
