import type { LiveConfig } from "../../config/app-config";
import { spreadOrderFees } from "../../ledger/fee-model";
import type { PositionRecord } from "../../ledger/order-types";
import { DEFAULT_INDEX_TICKS } from "../../ledger/leg-fill";
import { tickFor } from "../../market-data/option-chain";
import { naturalNetCredit } from "../../pricing/natural-price";
import type { Clock } from "../../time/clock";
import type { CloseOutcome, CloseRequest, ExitFill, FillBook } from "../venue";
import { executeOrder, type Execution } from "./execute-order";
import type { LiveBroker } from "./live-broker";
import type { LiveOrderRequest } from "./live-order-gateway";
import type { PaperOrderStore } from "../../ledger/paper-order-store";

/** The claim taken before a live position's closing order goes to the broker. */
export const liveCloseKey = (positionId: string): string => `live-close|${positionId}`;

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
 * per position across concurrent requests (a strict claim before the broker sees it), executed
 * (dry-run, place, follow, cancel, walk toward the natural debit) and what filled recorded from the
 * broker's fills: all of it closes the position, part of it shrinks the position to the rest.
 * The claim is released once the order is final, so a later close can take the rest.
 */
export async function closeAtBroker(
  deps: LiveCloseDeps,
  request: CloseRequest,
  book: FillBook,
): Promise<CloseOutcome> {
  const { position, mark, log } = request;
  const positionId = position.positionId;
  const order = closingOrder(position, mark.debitToClose);
  const claim = liveCloseKey(positionId);
  if (!(await deps.orders.claimKey(claim, positionId, true))) {
    const reasons = [
      { code: "live-close-in-progress", message: "a closing order for this position is working now" },
    ];
    log.error("live.close.duplicate", { positionId });
    return { status: "refused", reasons };
  }
  let keepClaim = false;
  try {
    const ticks = position.tickSizes ?? DEFAULT_INDEX_TICKS;
    const natural = naturalDebit(request);
    const execution = await executeOrder(
      { broker: deps.broker, clock: deps.clock, log, settings: deps.settings, ...sleepOf(deps) },
      {
        order,
        tick: tickFor(ticks, order.price),
        tickSizes: ticks,
        ...(natural !== undefined && mark.debitToClose >= 0 ? { natural } : {}),
      },
    );
    // Until the ledger records partial closes, a partly filled close keeps its claim (the trader
    // reconciles it at the broker).
    keepClaim = execution.fills.spreads > 0 && execution.status !== "filled";
    return await recordExecution(deps, request, book, execution);
  } finally {
    if (!keepClaim) await deps.orders.releaseKey(claim, positionId);
  }
}

const sleepOf = (deps: { sleep?: (ms: number) => Promise<void> }) =>
  deps.sleep ? { sleep: deps.sleep } : {};

/** Records what an executed close filled (nothing filled: refused with the broker's reasons). */
async function recordExecution(
  deps: LiveCloseDeps,
  request: CloseRequest,
  book: FillBook,
  execution: Execution,
): Promise<CloseOutcome> {
  const { position, log } = request;
  const details = { execution };
  const reasons = execution.reasons.map((message) => ({ code: `live-${execution.status}`, message }));
  if (execution.fills.spreads === 0) {
    log.error("live.close.unfilled", { positionId: position.positionId, status: execution.status, reasons });
    return { status: "refused", reasons, details };
  }
  if (execution.status !== "filled") {
    log.error("live.close.partial", {
      positionId: position.positionId,
      filled: execution.fills.spreads,
      of: position.quantity,
    });
    return { status: "refused", reasons, details };
  }
  const record = await book.closed(position, exitOf(deps, request, execution, book));
  return { status: "closed", record, reasons: [], details };
}

/** The exit the broker filled: its per-leg average prices, the fee model on them, the spreads filled. */
function exitOf(deps: LiveCloseDeps, request: CloseRequest, execution: Execution, book: FillBook): ExitFill {
  const { position, mark } = request;
  const prices = position.legs.map((_, i) => execution.fills.legs[i]?.averagePrice ?? 0);
  const quantity = execution.fills.spreads;
  return {
    exitDebit: -execution.fills.net,
    legs: prices.map((fillPrice, i) => ({
      fillPrice,
      quoteTime: deps.clock.now(),
      ...(mark.legs[i]?.bid !== undefined ? { bid: mark.legs[i]?.bid } : {}),
      ...(mark.legs[i]?.ask !== undefined ? { ask: mark.legs[i]?.ask } : {}),
    })),
    time: deps.clock.now(),
    underlyingPrice: mark.underlyingPrice ?? position.underlyingAtEntry,
    underlyingSource: mark.underlyingSource,
    reason: request.reason,
    // The fee model on the broker's fill prices (the broker's own figure is logged at dry-run).
    fees: spreadOrderFees(book.feeSchedule, "close", { ...position, quantity }, prices, deps.clock.now()),
    ...(quantity < position.quantity ? { quantity } : {}),
  };
}
