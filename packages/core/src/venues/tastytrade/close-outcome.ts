import type { Log } from "../../log/log";
import { spreadOrderFees } from "../../ledger/fee-model";
import { LedgerError } from "../../ledger/events/ledger-error";
import type { CancelledRest } from "../../ledger/order-types";
import type { PaperOrderStore } from "../../ledger/paper-order-store";
import type { ClosedRecord, ExitFill, FillBook } from "../venue";
import type { OrderFills } from "./order-fills";

/** What a closing order was sent for: the position, why, and the index when it was sent. */
export interface ClosingIntent {
  positionId: string;
  /** Why (`manual`, an exit rule's name). */
  reason: string;
  /** Index points when the order was sent, and where that price came from. */
  underlyingPrice: number;
  underlyingSource: string;
  /** Quotes of each leg when it was sent (position leg order), USD per share, when known. */
  quotes?: ReadonlyArray<{ bid?: number; ask?: number }>;
}

/** How a closing order ended at the broker. */
export interface ClosingResult {
  fills: OrderFills;
  /** Spreads the order asked for. */
  ordered: number;
  /** The broker's order ids, the one that filled last. */
  brokerOrderIds: string[];
  /** Why the unfilled rest (if any) will never fill (`timeout`, `cancelled-by-next-run`, …). */
  cancelReason: string;
}

/** What recording a close outcome needs. */
export interface CloseOutcomeDeps {
  orders: PaperOrderStore;
  log: Log;
  book: FillBook;
  /** Now, ms since epoch. */
  now: number;
}

/**
 * Records what a live closing order filled, whoever followed it to its end (the run that placed it,
 * the next run, or the reconcile job): nothing filled records nothing (null); otherwise one close
 * of the spreads filled, logged under the broker's order id (the same order is never recorded
 * twice), with the fee model's fees on the filled contracts at their fill prices and, when fewer
 * than ordered filled, the cancel of the rest. A partial close leaves the position open with the rest.
 */
export async function recordCloseOutcome(
  deps: CloseOutcomeDeps,
  intent: ClosingIntent,
  result: ClosingResult,
): Promise<ClosedRecord | null> {
  const ref = result.brokerOrderIds.at(-1);
  if (result.fills.spreads === 0 || ref === undefined) return null;
  const position = await deps.orders.getPosition(intent.positionId);
  if (!position)
    throw new LedgerError(
      "ledger-unknown-position",
      `close of ${intent.positionId}: unknown position`,
      intent.positionId,
      null,
    );
  const quantity = result.fills.spreads;
  const prices = position.legs.map((_, i) => result.fills.legs[i]?.averagePrice ?? 0);
  const rest: CancelledRest | undefined =
    quantity < result.ordered ? { orderQuantity: result.ordered, reason: result.cancelReason } : undefined;
  const exit: ExitFill = {
    exitDebit: -result.fills.net,
    legs: prices.map((fillPrice, i) => ({ fillPrice, quoteTime: deps.now, ...intent.quotes?.[i] })),
    time: deps.now,
    underlyingPrice: intent.underlyingPrice,
    underlyingSource: intent.underlyingSource,
    reason: intent.reason,
    // The fee model on the broker's fill prices (the broker's own figure is logged at dry-run).
    fees: spreadOrderFees(deps.book.feeSchedule, "close", { ...position, quantity }, prices, deps.now),
    quantity,
    orderRef: ref,
    brokerOrderIds: result.brokerOrderIds,
    ...(rest ? { cancelledRest: rest } : {}),
  };
  const record = await deps.book.closed(position, exit);
  deps.log.info(rest ? "live.close.partial" : "live.close.filled", {
    positionId: intent.positionId,
    filled: quantity,
    of: result.ordered,
    brokerOrderIds: result.brokerOrderIds,
    open: record.position?.status === "open" ? record.position.quantity : 0,
  });
  return record;
}
