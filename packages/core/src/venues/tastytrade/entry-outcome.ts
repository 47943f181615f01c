import type { Log } from "../../log/log";
import type { EntryRecords } from "../../ledger/entry-order";
import type { AppendResult } from "../../ledger/order-types";
import type { PaperOrderStore } from "../../ledger/paper-order-store";
import type { FillBook } from "../venue";
import { filledEntryRecords } from "./filled-records";
import type { OrderFills } from "./order-fills";

/** What an entry's outcome is recorded against. */
export interface EntryOutcomeDeps {
  orders: PaperOrderStore;
  log: Log;
  /** Where fills are written (with the fee schedule charged on them). */
  book: FillBook;
}

/** The entry an order was placed for: its records, position and the claims to give back unfilled. */
export interface PlacedEntry {
  entry: EntryRecords;
  positionId: string;
  releaseIfUnfilled: readonly string[];
}

/**
 * Records where a live entry's order ended, whoever followed it to the end (the run that placed
 * it, the next run, or the reconcile job): nothing filled gives the claims back (the cap is free
 * again only once the broker can no longer fill); fills are written to the order log from the
 * broker's report (a second writer finds the position and writes nothing), and when fewer spreads
 * filled than ordered, the cancel of the rest with `cancelReason` (a partial open).
 */
export async function recordEntryOutcome(
  deps: EntryOutcomeDeps,
  placed: PlacedEntry,
  fills: OrderFills,
  brokerOrderIds: string[],
  cancelReason: string,
): Promise<AppendResult | null> {
  if (fills.spreads === 0) {
    for (const key of placed.releaseIfUnfilled) await deps.orders.releaseKey(key, placed.positionId);
    return null;
  }
  const filled = filledEntryRecords(placed.entry, fills, brokerOrderIds, deps.book.feeSchedule, cancelReason);
  const res = await deps.book.opened(filled);
  deps.log.info("live.order.filled", {
    key: placed.entry.order.idempotencyKey,
    positionId: placed.positionId,
    quantity: filled.order.quantity,
    credit: filled.position.entryCredit,
    brokerOrderIds,
  });
  if (res.status === "duplicate")
    deps.log.error("live.order.duplicate", { positionId: placed.positionId, brokerOrderIds });
  return res;
}
