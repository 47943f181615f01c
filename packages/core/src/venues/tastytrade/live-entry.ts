import type { LiveConfig } from "../../config/app-config";
import type { NotifyOnceDeps } from "../../alerts/notify-once";
import type { Log } from "../../log/log";
import { DEFAULT_INDEX_TICKS, tickFor } from "../../market-data/option-chain";
import type { EntryRecords } from "../../ledger/entry-order";
import type { Refusal } from "../../ledger/leg-fill";
import { liveOrderRequest } from "./live-order-gateway";
import { positionIdFor, type PaperOrderStore } from "../../ledger/paper-order-store";
import { ENTRY_LEASE_MS } from "../../ledger/claim-lease";
import { claimNumbered } from "../../ledger/reservations";
import type { Clock } from "../../time/clock";
import { nyDate } from "../../time/new-york";
import { naturalNetCredit } from "../../pricing/natural-price";
import { executeOrder, type Execution } from "./execute-order";
import type { FillBook } from "../venue";
import type { AppendResult } from "../../ledger/order-types";
import { pendingOrderId } from "../../ledger/pending-order";
import { recordEntryOutcome } from "./entry-outcome";
import { cancelReasonOf } from "./order-fills";
import { leaseMs, PendingOrderJournal } from "./order-journal";
import type { LiveBroker } from "./live-broker";
import { liveAlert } from "./live-alert";
import { liveLimitBlocks } from "./live-limits";
import { claimPlacement, placementDone, releasePlacement, type PlacementClaim } from "./placement-claim";

/** Deps of {@link enterLive}. */
export interface LiveEntryDeps extends Partial<Pick<NotifyOnceDeps, "alerts" | "notifier">> {
  orders: PaperOrderStore;
  broker: LiveBroker;
  clock: Clock;
  settings: LiveConfig;
  /** Where fills are written (with the fee schedule charged on them). */
  book: FillBook;
  sleep?: (ms: number) => Promise<void>;
}

/** Base of the numbered claims that cap open live positions (`live-open#0` …). */
const LIVE_OPEN_BASE = "live-open";

/**
 * Why every `live-open` claim is taken, naming each holder: an open live position, or an entry
 * with no position in the log (an order another run has in flight, followed to its end by whoever
 * holds its pending order, or a run that stopped before its order, taken over when its lease ends).
 */
async function liveCapRefusal(orders: PaperOrderStore, cap: number): Promise<Refusal> {
  const held: string[] = [];
  for (let n = 0; n < cap; n++) {
    const key = `${LIVE_OPEN_BASE}#${n}`;
    const claim = await orders.claims.read(key);
    if (!claim) continue;
    const holder = claim.holder;
    const position = await orders.getPosition(holder);
    const ends = claim.leaseUntil === null ? "now" : new Date(claim.leaseUntil).toISOString();
    held.push(
      position
        ? `${key}: live position ${holder} (${position.status})`
        : `${key}: entry ${holder}, no position in the order log yet (an order in flight is followed by the next run or the reconcile job; a run that stopped before its order is taken over when its lease ends at ${ends})`,
    );
  }
  return {
    code: "live-max-positions",
    message: `${cap} live positions open or being placed, the cap is ${cap} (STRATDECK_LIVE_MAX_POSITIONS): ${held.join("; ")}`,
  };
}

/** Where a live entry ended. */
export interface LiveEntryOutcome {
  status: "placed" | "refused" | "duplicate";
  reasons: Refusal[];
  positionId?: string;
  execution?: Execution;
}

/**
 * Natural price of an order-log entry, unsigned USD per share ({@link naturalNetCredit}: a credit
 * entry sells at the bids and buys at the asks, a debit the reverse); undefined when a quote side
 * is missing.
 */
function naturalPrice(records: EntryRecords): number | undefined {
  const net = naturalNetCredit(
    records.order.legs.map((l) => ({
      sell: l.action.startsWith("S"),
      ratio: l.ratio,
      bid: l.bid,
      ask: l.ask,
    })),
  );
  return net === undefined ? undefined : Math.abs(net);
}

/**
 * A confirmed live entry: the hard limits first (each refusal logged as `live.limit.refused` and
 * alerted once a day per limit), then dry-run, place, follow, cancel and walk ({@link executeOrder}),
 * and only what the broker filled is written to the order log (mode `live`, prices from the fill
 * report). Nothing filled: nothing is written. An entry key already claimed by another run is a
 * `duplicate` and nothing is sent. A pending-order record is written before each placement and
 * removed once the outcome is recorded: a run that stops in between leaves it for the next run or
 * the reconcile job ({@link finishPendingOrders}).
 */
export async function enterLive(
  deps: LiveEntryDeps,
  records: EntryRecords,
  log: Log,
): Promise<LiveEntryOutcome> {
  const request = liveOrderRequest(records.order);
  const contracts = Math.max(...request.legs.map((l) => l.quantity));
  const now = deps.clock.now();
  const blocks = await liveLimitBlocks(deps.orders, deps.settings, contracts, now);
  if (blocks.length > 0) return refuseByLimits(deps, log, records, blocks);
  const positionId = positionIdFor(records.order.idempotencyKey);
  const claimed = await claimEntry(deps, log, records, positionId);
  if (!claimed.ok) return claimed.outcome;
  const placement = claimed.placement;
  // The live-open claim goes with the position: its close (by hand, exit rule or settlement) releases it.
  const entry = withReservation(records, claimed.slot);
  const placed = { entry, positionId, releaseIfUnfilled: [claimed.slot] };
  const journal = new PendingOrderJournal(
    deps.orders,
    deps.clock,
    { ...placed, id: pendingOrderId("open", positionId), purpose: "open" },
    leaseMs(deps.settings),
  );
  const execution = await executeOrder(
    { broker: deps.broker, clock: deps.clock, log, settings: deps.settings, journal, ...sleepOf(deps) },
    {
      order: request,
      tick: tickFor(records.position.tickSizes ?? DEFAULT_TICKS, request.price),
      tickSizes: records.position.tickSizes ?? DEFAULT_TICKS,
      ...naturalOf(naturalPrice(records)),
    },
  );
  const res = await recordEntryOutcome(
    { orders: deps.orders, log, book: deps.book },
    placed,
    execution.fills,
    execution.orderIds,
    cancelReasonOf(execution.attempts.at(-1)?.status, false),
  );
  await journal.finish();
  await placementDone(deps.orders, positionId, placement);
  return entryOutcome(log, records, positionId, execution, res);
}

/** Entry records whose position holds `key` among its reservations (released at its close). */
const withReservation = (records: EntryRecords, key: string): EntryRecords => ({
  ...records,
  position: { ...records.position, reservations: [...(records.position.reservations ?? []), key] },
});

/** Tick sizes of an index option chain when the position does not carry its own. */
const DEFAULT_TICKS = DEFAULT_INDEX_TICKS;

const naturalOf = (natural: number | undefined) => (natural === undefined ? {} : { natural });

const sleepOf = (deps: { sleep?: (ms: number) => Promise<void> }) =>
  deps.sleep ? { sleep: deps.sleep } : {};

/** A hard-limit refusal: logged as `live.limit.refused`, alerted once a day per limit. */
async function refuseByLimits(
  deps: LiveEntryDeps,
  log: Log,
  records: EntryRecords,
  blocks: Refusal[],
): Promise<LiveEntryOutcome> {
  const now = deps.clock.now();
  log.error("live.limit.refused", { key: records.order.idempotencyKey, reasons: blocks });
  for (const b of blocks)
    await liveAlert(
      { ...deps, log },
      {
        rule: `limit:${b.code}:${nyDate(now)}`,
        subject: "StratDeck: live entry refused by a hard limit",
        message: b.message,
        details: { code: b.code, key: records.order.idempotencyKey },
      },
    );
  return { status: "refused", reasons: blocks };
}

/**
 * The two claims of a live entry. One placement per entry key across concurrent and redelivered
 * runs: a strict conditional claim before anything reaches the broker (the log write after the fill
 * comes too late to stop a second order), leased until the outcome is recorded and then kept for
 * good; one left by a run that died before writing anything is taken over ({@link claimPlacement}). Then the live position cap as a claim too (the count read
 * before cannot see another run's order in flight): one numbered `live-open` claim per live
 * position, held with a lease until the pending order is written, taken over once that position
 * closes or when its entry never wrote anything before its lease ended (the claim-lease rule).
 */
async function claimEntry(
  deps: LiveEntryDeps,
  log: Log,
  records: EntryRecords,
  positionId: string,
): Promise<{ ok: true; slot: string; placement: PlacementClaim } | { ok: false; outcome: LiveEntryOutcome }> {
  const placed = await claimPlacement(deps.orders, positionId, deps.clock.now());
  if (!placed) {
    log.error("live.order.duplicate-delivery", { key: records.order.idempotencyKey, positionId });
    const message = `entry ${records.order.idempotencyKey} was already sent to the broker by another run`;
    return {
      ok: false,
      outcome: { status: "duplicate", reasons: [{ code: "live-already-placed", message }], positionId },
    };
  }
  const cap = deps.settings.maxOpenPositions;
  const now = deps.clock.now();
  const take = { holder: positionId, now, leaseUntil: now + ENTRY_LEASE_MS, permanent: false };
  if (placed.tookOver)
    log.warn("live.order.placement-taken-over", {
      positionId,
      from: placed.tookOver.holder,
      leaseUntil: placed.tookOver.leaseUntil,
    });
  const slot = await claimNumbered(deps.orders, LIVE_OPEN_BASE, cap, take);
  if (slot) return { ok: true, slot, placement: placed.claim };
  await releasePlacement(deps.orders, placed.claim);
  return {
    ok: false,
    outcome: await refuseByLimits(deps, log, records, [await liveCapRefusal(deps.orders, cap)]),
  };
}

/** The outcome of an executed entry, from its execution and what was written. */
function entryOutcome(
  log: Log,
  records: EntryRecords,
  positionId: string,
  execution: Execution,
  res: AppendResult | null,
): LiveEntryOutcome {
  if (res === null) {
    const reasons = execution.reasons.map((message) => ({ code: `live-${execution.status}`, message }));
    log.warn("live.order.unfilled", { key: records.order.idempotencyKey, status: execution.status, reasons });
    return { status: "refused", reasons, execution };
  }
  if (res.status === "duplicate") return { status: "duplicate", reasons: [], positionId, execution };
  const reasons =
    execution.status === "partial"
      ? execution.reasons.map((message) => ({ code: "live-partial", message }))
      : [];
  return { status: "placed", reasons, positionId, execution };
}
