import type { Log } from "../log/log";
import type { FeeSchedule } from "./fee-model";
import type { FillBook, FinishReport, Venues } from "../venues/venue";
import { recordClose } from "./close-order";
import type { PaperOrderStore } from "./paper-order-store";

/**
 * The ledger's {@link FillBook}: an entry as filled is a conditional append to the order log (a
 * duplicate delivery writes nothing), a close is {@link recordClose} (realised P&L, fees, net).
 */
export function fillBook(deps: { orders: PaperOrderStore; log: Log; feeSchedule: FeeSchedule }): FillBook {
  return {
    feeSchedule: deps.feeSchedule,
    opened: (filled) => deps.orders.open(filled.order, filled.position),
    closed: (position, exit) => recordClose(deps, position, exit),
  };
}

/**
 * Finishes the orders that runs which stopped mid-order left at the entry venue (the next run or
 * the reconcile job): each is followed to a final state and what filled written to the order log.
 */
export function finishPending(deps: {
  orders: PaperOrderStore;
  log: Log;
  feeSchedule: FeeSchedule;
  venues: Venues;
}): Promise<FinishReport> {
  return deps.venues.entry.finishPending(fillBook(deps));
}
