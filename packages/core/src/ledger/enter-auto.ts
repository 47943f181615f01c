import { tradingDecision, type GuardConfig, type TradingDecision } from "../guard/trading-decision";
import type { Log } from "../log/log";
import type { MarketDataProvider } from "../market-data/market-data-provider";
import type { Idea } from "../strategies/idea";
import type { Clock } from "../time/clock";
import { slotOf } from "../orchestrator/slot";
import { ENTRY_LEASE_MS, leaseLeft } from "./claim-lease";
import { entryKey } from "./entry-slot";
import { entryRecords } from "./entry-order";
import type { Refusal } from "./leg-fill";
import type { LiveOrderGateway, LiveOrderResult } from "../venues/tastytrade/live-order-gateway";
import { positionIdFor, type PaperOrderStore } from "./paper-order-store";
import { parsePaperSettings, type PaperSettings } from "./paper-settings";
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
  /** Broker gateway; needed only when live trading is armed. */
  live?: LiveOrderGateway;
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
  /** Risk limits and fill settings; default {@link DEFAULT_PAPER_SETTINGS}. */
  settings?: PaperSettings;
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

/**
 * Turns the best ideas into entries. Takes passing, tradable ideas by descending score, skips slots
 * already entered, applies the risk limits, re-quotes and fills the legs with the fill model, and
 * writes the order (paper), sends it to the dry-run endpoint (live, armed) or places it (live, armed,
 * confirmed). Every refusal carries its reasons and is logged as `paper.entry.refused`.
 */
export async function enterAuto(
  deps: EnterAutoDeps,
  ideas: readonly Idea[],
  options: EnterAutoOptions = {},
): Promise<EnterAutoResult> {
  const slot = options.slot ?? slotOf(deps.clock.now(), 1);
  const settings = options.settings ?? parsePaperSettings();
  const decision = tradingDecision(deps.config, { confirm: options.confirm === true });
  const log = deps.log.child({ slot, decision: decision.mode });
  const outcomes: EntryOutcome[] = [];
  const base = (idea: Idea) => ({
    ideaId: idea.id,
    strategy: idea.strategy,
    underlying: idea.underlying,
    idempotencyKey: (options.keyPrefix ?? "") + entryKey(idea.strategy, idea.underlying, slot),
  });
  const refuse = (idea: Idea, reasons: Refusal[], status: "refused" | "skipped" = "refused") => {
    outcomes.push({ ...base(idea), status, reasons });
    if (status === "refused") log.warn("paper.entry.refused", { ideaId: idea.id, reasons });
  };
  if (decision.mode === "refused") {
    log.error("guard.refused", { reason: decision.reason, ideas: ideas.length });
    // One logged error for the run; each idea still carries the reason in the result.
    const reasons = [{ code: "trading-refused", message: decision.reason }];
    for (const idea of ideas) outcomes.push({ ...base(idea), status: "refused", reasons });
    return { slot, decision, outcomes, entered: 0 };
  }
  const open = await deps.orders.listOpenPositions();
  const book: RiskExposure[] = open.map((p) => ({
    underlying: p.underlying,
    strategy: p.strategy,
    expiration: p.expiration,
    positionId: p.positionId,
    maxLossCents: p.maxLossCents,
  }));
  // Entries of this slot by an earlier delivery of the same run count against the per-slot cap.
  let inSlot = open.filter((p) => p.idempotencyKey.endsWith(`|${slot}`)).length;
  const keysThisRun = new Set<string>();
  let entered = 0;
  for (const idea of rankIdeas(ideas, (i, r) => refuse(i, r, "skipped"))) {
    const { idempotencyKey } = base(idea);
    if (keysThisRun.has(idempotencyKey)) {
      refuse(
        idea,
        [{ code: "slot-taken", message: `a better ${idea.strategy} ${idea.underlying} idea took this slot` }],
        "skipped",
      );
      continue;
    }
    keysThisRun.add(idempotencyKey);
    const existing = await deps.orders.getPosition(positionIdFor(idempotencyKey));
    if (existing) {
      outcomes.push({ ...base(idea), status: "duplicate", reasons: [], positionId: existing.positionId });
      log.info("paper.entry.duplicate", { ideaId: idea.id, positionId: existing.positionId });
      continue;
    }
    const estimate = {
      underlying: idea.underlying,
      strategy: idea.strategy,
      expiration: idea.expiration,
      maxLossCents: idea.maxLossCents * idea.quantity,
    };
    const blocked = riskBlocks(estimate, book, inSlot, settings.risk);
    if (blocked.length > 0) {
      refuse(idea, blocked);
      continue;
    }
    const priced = await priceEntry(deps, idea, settings.fill).catch((err: Error) => ({
      ok: false as const,
      reasons: [{ code: "quote-error", message: `re-quote failed: ${err.message}` }],
    }));
    if (!priced.ok) {
      refuse(idea, priced.reasons);
      continue;
    }
    const records = entryRecords(
      idea,
      priced.fill,
      decision.mode === "paper" ? "paper" : "live",
      idempotencyKey,
      settings.fees,
    );
    const actual = {
      underlying: idea.underlying,
      strategy: idea.strategy,
      expiration: records.position.expiration,
      maxLossCents: records.position.maxLossCents,
    };
    const late = Number.isFinite(actual.maxLossCents)
      ? riskBlocks(actual, book, inSlot, settings.risk)
      : [{ code: "undefined-risk", message: "the position's max loss is unbounded" }];
    if (late.length > 0) {
      refuse(idea, late);
      continue;
    }
    // The hard guarantee across concurrent runs: conditional-write reservations of every cap.
    const positionId = positionIdFor(idempotencyKey);
    const reserved = await deps.orders.reserve({
      positionId,
      strategy: idea.strategy,
      underlying: idea.underlying,
      expiration: records.position.expiration,
      slot,
      riskCents: actual.maxLossCents,
      limits: settings.risk,
      now: deps.clock.now(),
    });
    if (!reserved.ok) {
      refuse(idea, [reserved.refusal]);
      continue;
    }
    // The lease rule: the position is written only while at least half the lease is left.
    if (leaseLeft(reserved.leaseUntil, deps.clock.now()) < ENTRY_LEASE_MS / 2) {
      await deps.orders.releaseUnused(positionId, reserved.keys);
      refuse(idea, [{ code: "lease-ended", message: "the reservation's lease ran out before the entry" }]);
      continue;
    }
    records.position.reservations = reserved.keys;
    records.position.reservedRiskCents = reserved.riskCents;
    const outcome = await submitEntry({ ...deps, feeSchedule: settings.fees }, decision, records, log);
    if (outcome.status !== "entered" && outcome.status !== "placed") {
      // Nothing opened by this run (a dry run, a refusal, or another delivery's position).
      const stored = outcome.status === "duplicate" ? await deps.orders.getPosition(positionId) : null;
      // A duplicate whose position is not written yet is another run's live order still in flight:
      // the claims (same holder) are that run's, and it releases them itself if nothing fills.
      if (outcome.status !== "duplicate" || stored) {
        const kept = new Set(stored?.reservations ?? []);
        await deps.orders.releaseUnused(
          positionId,
          reserved.keys.filter((k) => !kept.has(k)),
          { keepRisk: stored?.reservedRiskCents !== undefined },
        );
      }
    }
    outcomes.push({
      ...base(idea),
      ...outcome,
      credit: priced.fill.credit,
      maxLossCents: actual.maxLossCents,
      ...(records.order.fees ? { feesCents: records.order.fees.totalCents } : {}),
    });
    if (outcome.status === "entered" || outcome.status === "placed") entered += 1;
    // A dry run counts as if entered, so it previews exactly what an armed, confirmed run would do.
    if (["entered", "placed", "duplicate", "dry-run"].includes(outcome.status)) {
      inSlot += 1;
      book.push({ ...actual, ...(outcome.positionId ? { positionId: outcome.positionId } : {}) });
    }
  }
  return { slot, decision, outcomes, entered };
}
