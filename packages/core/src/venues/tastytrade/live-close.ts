import type { LiveConfig } from "../../config/app-config";
import type { PositionRecord } from "../../ledger/order-types";
import { DEFAULT_INDEX_TICKS } from "../../ledger/leg-fill";
import { tickFor } from "../../market-data/option-chain";
import { naturalNetCredit } from "../../pricing/natural-price";
import type { Clock } from "../../time/clock";
import type { CloseOutcome, CloseRequest, FillBook } from "../venue";
import { executeOrder, type Execution } from "./execute-order";
import type { LiveBroker } from "./live-broker";
import type { LiveOrderRequest } from "./live-order-gateway";
import type { PaperOrderStore } from "../../ledger/paper-order-store";
import { pendingOrderId } from "../../ledger/pending-order";
import { recordCloseOutcome, type ClosingIntent } from "./close-outcome";
import { cancelReasonOf } from "./order-fills";
import { claimLiveClose, releaseLiveClose } from "./live-close-claim";
import { leaseMs, PendingOrderJournal } from "./order-journal";

/** Deps of {@link closeAtBroker}. */
export interface LiveCloseDeps {
  orders: PaperOrderStore;
  broker: LiveBroker;
  clock: Clock;
  settings: LiveConfig;
  sleep?: (ms: number) => Promise<void>;
}

/** The closing order of a position at its mark's debit (BTC the shorts, STC the longs). */
export function closingOrder(position: PositionRecord, debit: number): LiveOrderRequest {
  return {
    underlying: position.underlying,
    price: Math.abs(debit),
    priceEffect: debit >= 0 ? "Debit" : "Credit",
    timeInForce: "Day",
    orderType: "Limit",
    legs: position.legs.map((l) => ({
      occSymbol: l.occSymbol,
      action: l.side === "short" ? "BTC" : "STC",
      quantity: l.ratio * position.quantity,
    })),
  };
}

/**
 * Natural debit of a close, USD per share ({@link naturalNetCredit}: buy the shorts at the ask,
 * sell the longs at the bid; negative for a credit); undefined when a quote side is missing.
 */
function naturalDebit(request: CloseRequest): number | undefined {
  const legs = request.position.legs.map((leg, i) => {
    const quote = request.mark.legs[i];
    return { sell: leg.side === "long", ratio: leg.ratio, bid: quote?.bid, ask: quote?.ask };
  });
  const credit = naturalNetCredit(legs);
  return credit === undefined ? undefined : 0 - credit; // never -0
}

/**
 * Closes an open live position at the broker (the caller's guard confirmed it): one closing order
 * per position across concurrent requests (a claim before the broker sees it), a pending-order
 * record (purpose `close`) written before each placement, executed (dry-run, place, follow,
 * cancel, walk toward the natural debit) and what filled recorded from the broker's fills: all of
 * it closes the position, part of it leaves the position open with the rest (a partial close). The
 * claim is released once the order is final, so a later close takes the rest; a run that stops
 * while its order may be working leaves both for the next run or the reconcile job to finish.
 */
export async function closeAtBroker(
  deps: LiveCloseDeps,
  request: CloseRequest,
  book: FillBook,
): Promise<CloseOutcome> {
  const { position, log } = request;
  const positionId = position.positionId;
  if (!(await claimLiveClose(deps.orders, positionId, deps.clock.now()))) {
    const reasons = [
      { code: "live-close-in-progress", message: "a closing order for this position is working now" },
    ];
    log.error("live.close.duplicate", { positionId });
    return { status: "refused", reasons };
  }
  const journal = new PendingOrderJournal(
    deps.orders,
    deps.clock,
    {
      id: pendingOrderId("close", positionId),
      purpose: "close",
      positionId,
      releaseIfUnfilled: [],
      close: intentOf(request),
    },
    leaseMs(deps.settings),
  );
  let final = false;
  try {
    const execution = await executeOrder({ ...executeDeps(deps, request), journal }, executionOf(request));
    const outcome = await recordExecution(deps, request, book, execution);
    await journal.finish();
    final = true;
    return outcome;
  } finally {
    // An order that may still be working keeps the claim: whoever finishes its pending record releases it.
    if (final || !journal.outstanding) await releaseLiveClose(deps.orders, positionId);
  }
}

const executeDeps = (deps: LiveCloseDeps, request: CloseRequest) => ({
  broker: deps.broker,
  clock: deps.clock,
  log: request.log,
  settings: deps.settings,
  ...(deps.sleep ? { sleep: deps.sleep } : {}),
});

/** The closing order at the mark's debit, its tick and how far it may walk (to the natural debit). */
function executionOf(request: CloseRequest) {
  const { position, mark } = request;
  const order = closingOrder(position, mark.debitToClose);
  const ticks = position.tickSizes ?? DEFAULT_INDEX_TICKS;
  const natural = naturalDebit(request);
  return {
    order,
    tick: tickFor(ticks, order.price),
    tickSizes: ticks,
    ...(natural !== undefined && mark.debitToClose >= 0 ? { natural } : {}),
  };
}

/** What the close is for, kept on its pending record. */
function intentOf(request: CloseRequest): Omit<ClosingIntent, "positionId" | "quotes"> {
  const { position, mark } = request;
  return {
    reason: request.reason,
    underlyingPrice: mark.underlyingPrice ?? position.underlyingAtEntry,
    underlyingSource: mark.underlyingSource,
  };
}

/** Records what an executed close filled (nothing filled: refused with the broker's reasons). */
async function recordExecution(
  deps: LiveCloseDeps,
  request: CloseRequest,
  book: FillBook,
  execution: Execution,
): Promise<CloseOutcome> {
  const { position, log, mark } = request;
  const details = { execution };
  const reasons = execution.reasons.map((message) => ({ code: `live-${execution.status}`, message }));
  const quotes = mark.legs.map((l) => ({
    ...(l.bid !== undefined ? { bid: l.bid } : {}),
    ...(l.ask !== undefined ? { ask: l.ask } : {}),
  }));
  const record = await recordCloseOutcome(
    { orders: deps.orders, log, book, now: deps.clock.now() },
    { ...intentOf(request), positionId: position.positionId, quotes },
    {
      fills: execution.fills,
      ordered: execution.quantity,
      brokerOrderIds: execution.orderIds,
      cancelReason: cancelReasonOf(execution.attempts.at(-1)?.status, false),
    },
  );
  if (!record) {
    log.error("live.close.unfilled", { positionId: position.positionId, status: execution.status, reasons });
    return { status: "refused", reasons, details };
  }
  return { status: "closed", record, reasons: execution.status === "partial" ? reasons : [], details };
}
