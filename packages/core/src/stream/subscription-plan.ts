import type { Log } from "../log/log";
import type { OptionChain } from "../market-data/option-chain";
import type { PositionRecord } from "../ledger/order-types";
import type { Clock } from "../time/clock";
import { daysBetween, nyDate } from "../time/new-york";
import { OPTION_EVENTS, UNDERLYING_EVENTS } from "../dxlink/event-fields";
import type { SubscriptionEntry } from "../dxlink/messages";
import type { StreamWindow } from "../strategies/stream-window";
import { sideSymbols } from "../strategies/stream-targets";

/** Where the plan's inputs come from (injected, so the planner is testable alone). */
export interface PlanSources {
  /** Underlyings and DTE range of the enabled strategies (`streamWindow(config)`). */
  streamWindow(): StreamWindow | Promise<StreamWindow>;
  openPositions(): Promise<readonly Pick<PositionRecord, "underlying" | "legs">[]>;
  /** Nested chain (the REST client caches it per trading day, so this is a daily refresh). */
  getChain(underlying: string): Promise<OptionChain>;
  /** Current underlying level, index points; undefined until the stream has a price. */
  spotOf(underlying: string): number | undefined;
}

/** Knobs of the strike selection. */
export interface PlanOptions {
  /** Strikes within ±this fraction of spot are streamed (0.05 = ±5 %). */
  bandFraction: number;
  /** Cap on strategy option symbols (position legs are always kept); nearest strikes win. */
  maxOptionSymbols: number;
  /**
   * When set, only out-of-the-money options are picked and the ones closest to this distance from
   * spot win (fraction, e.g. 0.045 = 4.5% OTM, where ~16-20-delta credit-spread shorts sit at
   * 30-45 DTE), so a small cap still covers the strikes the strategies trade. Unset = nearest first.
   */
  targetOtmFraction?: number;
}

export const DEFAULT_PLAN_OPTIONS: PlanOptions = { bandFraction: 0.05, maxOptionSymbols: 2_000 };

/** What to stream, and why. */
export interface SubscriptionPlan {
  entries: SubscriptionEntry[];
  underlyings: string[];
  /** Option symbols picked for strategies. */
  strategySymbols: number;
  /** Option symbols of open positions' legs. */
  positionSymbols: number;
  /** Underlyings whose strikes could not be picked yet (no spot or no chain). */
  pending: string[];
}

/** Inputs of {@link planSubscriptions}. */
export interface PlanInput {
  window: StreamWindow;
  positions: readonly Pick<PositionRecord, "underlying" | "legs">[];
  chains: ReadonlyMap<string, OptionChain>;
  spotOf: (underlying: string) => number | undefined;
  /** Today in New York, `YYYY-MM-DD`. */
  today: string;
  /** Now, ms since epoch (places the strategies' strike windows). */
  now?: number;
  options?: Partial<PlanOptions>;
}

/**
 * The subscription set (pure): each underlying (Quote, Trade, Summary); every open position's
 * legs (Quote, Greeks); and, per underlying with a spot and a chain, the strikes the strategies
 * scan (their expiration, delta window and wings: `window.targets`), or without targets both
 * rights of every strike within the band around spot for expirations in [minDte, maxDte],
 * nearest strikes first; all up to the cap.
 */
export function planSubscriptions(input: PlanInput): SubscriptionPlan {
  const opts = { ...DEFAULT_PLAN_OPTIONS, ...input.options };
  const entries: SubscriptionEntry[] = [];
  const underlyings = [
    ...new Set([...input.window.underlyings, ...input.positions.map((p) => p.underlying)]),
  ];
  for (const u of underlyings) for (const type of UNDERLYING_EVENTS) entries.push({ type, symbol: u });

  const legSymbols = new Set(input.positions.flatMap((p) => p.legs.map((l) => l.streamerSymbol)));
  const candidates: { symbol: string; distance: number }[] = [];
  const pending: string[] = [];
  for (const u of input.window.underlyings) {
    const spot = input.spotOf(u);
    const chain = input.chains.get(u);
    if (spot === undefined || !(spot > 0) || !chain) {
      pending.push(u);
      continue;
    }
    const targets = input.window.targets;
    if (targets && input.now !== undefined) {
      for (const side of targets.sides) {
        if (side.underlying !== u) continue;
        for (const symbol of sideSymbols(side, targets.pricing, chain, spot, input.today, input.now))
          candidates.push({ symbol, distance: 0 });
      }
      continue;
    }
    const band = spot * opts.bandFraction;
    const target = opts.targetOtmFraction;
    for (const root of chain.roots) {
      for (const exp of root.expirations) {
        const dte = daysBetween(input.today, exp.date);
        if (dte < input.window.minDte || dte > input.window.maxDte) continue;
        for (const s of exp.strikes) {
          const away = Math.abs(s.strike - spot);
          if (away > band) continue;
          const distance = away / spot;
          if (target === undefined) {
            candidates.push({ symbol: s.callStreamer, distance }, { symbol: s.putStreamer, distance });
          } else {
            const otm = Math.abs(distance - target);
            if (s.strike > spot) candidates.push({ symbol: s.callStreamer, distance: otm });
            if (s.strike < spot) candidates.push({ symbol: s.putStreamer, distance: otm });
          }
        }
      }
    }
  }
  candidates.sort(
    (a, b) => a.distance - b.distance || (a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0),
  );
  const picked = new Set<string>();
  for (const c of candidates) {
    if (picked.size >= opts.maxOptionSymbols) break;
    if (!legSymbols.has(c.symbol)) picked.add(c.symbol);
  }
  for (const sym of [...legSymbols, ...picked])
    for (const type of OPTION_EVENTS) entries.push({ type, symbol: sym });
  return { entries, underlyings, strategySymbols: picked.size, positionSymbols: legSymbols.size, pending };
}

/**
 * Gathers the plan inputs from {@link PlanSources} and plans. A chain that fails to load keeps
 * the last one that loaded (logged), so a REST hiccup never unsubscribes strikes.
 */
export class SubscriptionPlanner {
  private readonly chains = new Map<string, OptionChain>();

  constructor(
    private readonly sources: PlanSources,
    private readonly clock: Clock,
    private readonly log: Log,
    private readonly options: Partial<PlanOptions> = {},
  ) {}

  async plan(): Promise<SubscriptionPlan> {
    const window = await this.sources.streamWindow();
    const positions = await this.sources.openPositions();
    await Promise.all(
      window.underlyings.map(async (u) => {
        try {
          this.chains.set(u, await this.sources.getChain(u));
        } catch (err) {
          this.log.warn("stream.plan", { event: "chain-failed", underlying: u, error: err as Error });
        }
      }),
    );
    return planSubscriptions({
      window,
      positions,
      chains: this.chains,
      spotOf: (u) => this.sources.spotOf(u),
      today: nyDate(this.clock.now()),
      now: this.clock.now(),
      options: this.options,
    });
  }
}
