import type { AllowedDecision } from "../guard/trading-decision";
import type { Log } from "../log/log";
import type { OpenOutcome, Venues } from "../venues/venue";
import type { EntryRecords } from "./entry-order";
import type { FeeSchedule } from "./fee-model";
import { fillBook } from "./fill-book";
import type { PaperOrderStore } from "./paper-order-store";

/** Where an entry ended up. */
export type SubmitOutcome = OpenOutcome;

/**
 * Sends priced entry records to the entry venue chosen in wiring, which writes what fills to the
 * order log: the paper venue fills at once; the broker dry-runs an unconfirmed order and places,
 * follows and records a confirmed one.
 */
export function submitEntry(
  deps: { orders: PaperOrderStore; venues: Venues; feeSchedule: FeeSchedule },
  decision: AllowedDecision,
  records: EntryRecords,
  log: Log,
): Promise<SubmitOutcome> {
  const book = fillBook({ orders: deps.orders, log, feeSchedule: deps.feeSchedule });
  return deps.venues.entry.open({ records, decision, log }, book);
}
