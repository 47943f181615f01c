import {
  tradingDecision,
  type AllowedDecision,
  type GuardConfig,
  type TradingDecision,
} from "../guard/trading-decision";
import type { Log } from "../log/log";
import type { MarketDataProvider } from "../market-data/market-data-provider";
import type { Idea } from "../strategies/idea";
import type { Clock } from "../time/clock";
import { slotOf } from "../orchestrator/slot";
import { ENTRY_LEASE_MS, leaseLeft } from "./claim-lease";
import { entryKey } from "./entry-slot";
import { reclaimLogged } from "./reclaim-log";
import { entryRecords, type EntryRecords } from "./entry-order";
import type { Refusal } from "./leg-fill";
import type { LiveOrderResult, Venues } from "../venues/venue";
import { positionIdFor, type PaperOrderStore } from "./paper-order-store";
import type { PaperSettings } from "./paper-settings";
import { priceEntry } from "./price-entry";
import { rankIdeas } from "./rank-ideas";
import { riskBlocks, type RiskExposure } from "./risk-rules";
import { submitEntry } from "./submit-entry";

/** Deps of {@link enterAuto}. */
export interface EnterAutoDeps {
  config: GuardConfig;
  clock: Clock;
  log: Log;
  orders: PaperOrderStore;
  provider: MarketDataProvider;
  /** The venues chosen in wiring: entries go to `venues.entry`. */
  venues: Venues;
}

/** Options of {@link enterAuto}. */
export interface EnterAutoOptions {
  /**
   * The schedule slot (`YYYY-MM-DDTHH:MM`, New York) this run belongs to: the scheduled minute
   * bucket, `slotOf(scheduledTime, everyMinutes)` from `@stratdeck/core/orchestrator`, so a
   * redelivered run is a duplicate. Default: the clock's current New York minute.
   */
  slot?: string;
  /** Operator confirmation for real orders (only matters when live trading is armed). */
  confirm?: boolean;
  /** Risk limits, fill settings and the fee schedule (required: `paperSettingsFromStrategies`). */
  settings: PaperSettings;
  /**
   * Prefix of the idempotency keys, e.g. `manual|` for an entry by hand, whose key must never equal
   * a scheduled run's key of the same slot (default none).
   */
  keyPrefix?: string;
}

/** What happened to one idea. */
export interface EntryOutcome {
  ideaId: string;
  strategy: string;
  underlying: string;
  idempotencyKey: string;
  /**
   * `entered` (written to the order log), `duplicate` (this slot was already entered), `skipped`
   * (not a passing, tradable idea), `refused` (guard, risk or fill said no), `dry-run` (sent to the
   * broker's dry-run endpoint), `placed` (a confirmed live order).
   */
  status: "entered" | "duplicate" | "skipped" | "refused" | "dry-run" | "placed";
  reasons: Refusal[];
  positionId?: string;
  /** Net credit filled, USD per share. */
  credit?: number;
  /** Max loss of the position, cents. */
  maxLossCents?: number;
  /** Fees of the opening order by the fee model, cents (the broker's dry-run figure is in `broker.details.feesCents`). */
  feesCents?: number;
  broker?: LiveOrderResult;
}

/** Result of {@link enterAuto}. */
export interface EnterAutoResult {
  slot: string;
  decision: TradingDecision;
  outcomes: EntryOutcome[];
  /** Positions written to the order log by this run. */
  entered: number;
}

/** One run of {@link enterAuto}: its slot, settings, decision, log and what happened so far. */
interface Run {
  slot: string;
  settings: PaperSettings;
  decision: AllowedDecision;
  log: Log;
  keyPrefix: string;
  outcomes: EntryOutcome[];
  /** Open positions (and this run's entries) the risk limits count. */
  book: RiskExposure[];
  /** Entries of this slot, by this run or an earlier delivery of it. */
  inSlot: number;
  keysThisRun: Set<string>;
  entered: number;
}

const baseOf = (run: Pick<Run, "keyPrefix" | "slot">, idea: Idea) => ({
  ideaId: idea.id,
  strategy: idea.strategy,
  underlying: idea.underlying,
  idempotencyKey: run.keyPrefix + entryKey(idea.strategy, idea.underlying, run.slot),
});

/** Records a refusal (logged as `paper.entry.refused`) or a skip of `idea`. */
function refuse(run: Run, idea: Idea, reasons: Refusal[], status: "refused" | "skipped" = "refused"): void {
  run.outcomes.push({ ...baseOf(run, idea), status, reasons });
  if (status === "refused") run.log.warn("paper.entry.refused", { ideaId: idea.id, reasons });
}

/**
 * Turns the best ideas into entries. Takes passing, tradable ideas by descending score, skips slots
 * already entered, applies the risk limits, re-quotes and fills the legs with the fill model, and
 * sends the entry to the entry venue chosen in wiring (paper: written to the order log; the broker:
 * dry-run, or placed when armed and confirmed). Every refusal carries its reasons and is logged as
 * `paper.entry.refused`.
 */
export async function enterAuto(
  deps: EnterAutoDeps,
  ideas: readonly Idea[],
  options: EnterAutoOptions,
): Promise<EnterAutoResult> {
  const slot = options.slot ?? slotOf(deps.clock.now(), 1);
  const decision = tradingDecision(deps.config, { confirm: options.confirm === true });
  const log = deps.log.child({ slot, decision: decision.mode });
  const keyPrefix = options.keyPrefix ?? "";
  if (decision.mode === "refused") {
    log.error("guard.refused", { reason: decision.reason, ideas: ideas.length });
    // One logged error for the run; each idea still carries the reason in the result.
    const reasons = [{ code: "trading-refused", message: decision.reason }];
    const outcomes = ideas.map((idea) => ({
      ...baseOf({ keyPrefix, slot }, idea),
      status: "refused" as const,
      reasons,
    }));
    return { slot, decision, outcomes, entered: 0 };
  }
  // The lease sweep: entries of stopped runs whose lease ended give their capacity back first.
  await reclaimLogged(deps.orders, deps.clock.now(), log);
  const open = await deps.orders.listOpenPositions();
  const run: Run = {
    slot,
    settings: options.settings,
    decision,
    log,
    keyPrefix,
    outcomes: [],
    book: open.map((p) => ({
      underlying: p.underlying,
      strategy: p.strategy,
      expiration: p.expiration,
      positionId: p.positionId,
      maxLossCents: p.maxLossCents,
    })),
    inSlot: open.filter((p) => p.idempotencyKey.endsWith(`|${slot}`)).length,
    keysThisRun: new Set(),
    entered: 0,
  };
  for (const idea of rankIdeas(ideas, (i, r) => refuse(run, i, r, "skipped")))
    await enterOne(deps, run, idea);
  return { slot, decision, outcomes: run.outcomes, entered: run.entered };
}

/** One idea: the slot and duplicate checks, the risk limits on its estimate, then price and submit. */
async function enterOne(deps: EnterAutoDeps, run: Run, idea: Idea): Promise<void> {
  const { idempotencyKey } = baseOf(run, idea);
  if (run.keysThisRun.has(idempotencyKey)) {
    const message = `a better ${idea.strategy} ${idea.underlying} idea took this slot`;
    return refuse(run, idea, [{ code: "slot-taken", message }], "skipped");
  }
  run.keysThisRun.add(idempotencyKey);
  const existing = await deps.orders.getPosition(positionIdFor(idempotencyKey));
  if (existing) {
    run.outcomes.push({
      ...baseOf(run, idea),
      status: "duplicate",
      reasons: [],
      positionId: existing.positionId,
    });
    run.log.info("paper.entry.duplicate", { ideaId: idea.id, positionId: existing.positionId });
    return;
  }
  const estimate = {
    underlying: idea.underlying,
    strategy: idea.strategy,
    expiration: idea.expiration,
    maxLossCents: idea.maxLossCents * idea.quantity,
  };
  const blocked = riskBlocks(estimate, run.book, run.inSlot, run.settings.risk);
  if (blocked.length > 0) return refuse(run, idea, blocked);
  const priced = await priceEntry(deps, idea, run.settings.fill).catch((err: Error) => ({
    ok: false as const,
    reasons: [{ code: "quote-error", message: `re-quote failed: ${err.message}` }],
  }));
  if (!priced.ok) return refuse(run, idea, priced.reasons);
  const records = entryRecords(idea, priced.fill, deps.venues.entry.mode, idempotencyKey, run.settings.fees);
  const actual = {
    underlying: idea.underlying,
    strategy: idea.strategy,
    expiration: records.position.expiration,
    maxLossCents: records.position.maxLossCents,
  };
  const late = Number.isFinite(actual.maxLossCents)
    ? riskBlocks(actual, run.book, run.inSlot, run.settings.risk)
    : [{ code: "undefined-risk", message: "the position's max loss is unbounded" }];
  if (late.length > 0) return refuse(run, idea, late);
  await reserveAndSubmit(deps, run, idea, records, actual, priced.fill.credit);
}

/**
 * The hard guarantee across concurrent runs: conditional-write reservations of every cap, then the
 * entry venue; what it did not open gives its reservations back.
 */
async function reserveAndSubmit(
  deps: EnterAutoDeps,
  run: Run,
  idea: Idea,
  records: EntryRecords,
  actual: RiskExposure,
  credit: number,
): Promise<void> {
  const positionId = positionIdFor(records.order.idempotencyKey);
  const reserved = await deps.orders.reserve({
    positionId,
    strategy: idea.strategy,
    underlying: idea.underlying,
    expiration: records.position.expiration,
    slot: run.slot,
    riskCents: actual.maxLossCents,
    limits: run.settings.risk,
    now: deps.clock.now(),
  });
  if (!reserved.ok) return refuse(run, idea, [reserved.refusal]);
  // The lease rule: the position is written only while at least half the lease is left.
  if (leaseLeft(reserved.leaseUntil, deps.clock.now()) < ENTRY_LEASE_MS / 2) {
    await deps.orders.releaseUnused(positionId, reserved.keys);
    const message = "the reservation's lease ran out before the entry";
    return refuse(run, idea, [{ code: "lease-ended", message }]);
  }
  records.position.reservations = reserved.keys;
  records.position.reservedRiskCents = reserved.riskCents;
  const outcome = await submitEntry(
    { ...deps, feeSchedule: run.settings.fees },
    run.decision,
    records,
    run.log,
  );
  if (outcome.status !== "entered" && outcome.status !== "placed")
    await releaseUnopened(deps, positionId, reserved, outcome.status === "duplicate");
  run.outcomes.push({
    ...baseOf(run, idea),
    ...outcome,
    credit,
    maxLossCents: actual.maxLossCents,
    ...(records.order.fees ? { feesCents: records.order.fees.totalCents } : {}),
  });
  if (outcome.status === "entered" || outcome.status === "placed") run.entered += 1;
  // A dry run counts as if entered, so it previews exactly what an armed, confirmed run would do.
  if (["entered", "placed", "duplicate", "dry-run"].includes(outcome.status)) {
    run.inSlot += 1;
    run.book.push({ ...actual, ...(outcome.positionId ? { positionId: outcome.positionId } : {}) });
  }
}

/** Gives back the reservations of an entry this run did not open (a dry run, a refusal, a duplicate). */
async function releaseUnopened(
  deps: EnterAutoDeps,
  positionId: string,
  reserved: { keys: string[] },
  duplicate: boolean,
): Promise<void> {
  const stored = duplicate ? await deps.orders.getPosition(positionId) : null;
  // A duplicate whose position is not written yet is another run's live order still in flight:
  // the claims (same holder) are that run's, and it releases them itself if nothing fills.
  if (duplicate && !stored) return;
  const kept = new Set(stored?.reservations ?? []);
  await deps.orders.releaseUnused(
    positionId,
    reserved.keys.filter((k) => !kept.has(k)),
    { keepRisk: stored?.reservedRiskCents !== undefined },
  );
}
