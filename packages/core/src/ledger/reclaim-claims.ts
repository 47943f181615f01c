import { holderState, leaseEnded, type HolderState } from "./claim-lease";
import { ensureBook, releaseHolder, type ReservationStore } from "./reservation-book";

/** One holder of the reservation book as {@link reclaimClaims} found it. */
export interface HeldReservation {
  holder: string;
  state: HolderState;
  /** Reserved max loss, cents (counted in the total once the entry got that far). */
  riskCents: number;
  counted: boolean;
  /** End of the lease, ms since epoch (null: from before leases). */
  leaseUntil: number | null;
  keys: string[];
}

/** What {@link reclaimClaims} did. */
export interface ReclaimReport {
  /** The book was created from the open positions (state from before the book). */
  migrated: boolean;
  /** Entries that never wrote a position and whose lease ended: claims and risk released. */
  reclaimed: HeldReservation[];
  /** Entries of closed positions whose release never happened: released now (slots kept). */
  released: HeldReservation[];
  /** An open order in the log without its position: kept (the trade happened) and shown here. */
  orphanOrders: HeldReservation[];
  /** Entries still in progress (lease running) or waiting on a broker order someone follows. */
  inProgress: HeldReservation[];
  /** Total reserved risk after the sweep, cents. */
  totalCents: number;
}

/** Options of {@link reclaimClaims}. */
export interface ReclaimOptions {
  /**
   * Every holder is known to be gone (local start-up under the state folder's exclusive lock: no
   * other process can be mid-entry), so entries with nothing written are reclaimed before their
   * lease ends.
   */
  holdersGone?: boolean;
}

/**
 * The lease sweep, run by each entry run, the reconcile job and local start-up: every entry of the
 * reservation book whose holder never finished (no position, no order, no pending broker order)
 * and whose lease ended is released (its claims, the planned ones included, and its risk); a closed
 * position's leftover entry is released; an entry whose broker order is pending is left to whoever
 * follows that order (an expiry never frees capacity the broker may have filled).
 */
export async function reclaimClaims(
  store: ReservationStore,
  now: number,
  options: ReclaimOptions = {},
): Promise<ReclaimReport> {
  const migrated = await ensureBook(store);
  const report: ReclaimReport = {
    migrated,
    reclaimed: [],
    released: [],
    orphanOrders: [],
    inProgress: [],
    totalCents: 0,
  };
  const book = await store.claims.readBook();
  for (const [holder, entry] of Object.entries(book?.entries ?? {})) {
    const state = await holderState(store, holder);
    const seen: HeldReservation = { holder, state, ...entry };
    if (state === "closed") {
      await releaseHolder(store, holder, entry.keys, { keepSlot: true });
      report.released.push(seen);
    } else if (state === "none" && (options.holdersGone || leaseEnded(entry.leaseUntil, now))) {
      await releaseHolder(store, holder, entry.keys, { keepSlot: false, plan: entry.plan });
      report.reclaimed.push(seen);
    } else if (state === "order-only") report.orphanOrders.push(seen);
    else if (state !== "open") report.inProgress.push(seen);
  }
  report.totalCents = (await store.claims.readBook())?.totalCents ?? 0;
  return report;
}

/** A holder of the reservation book with whether its lease has ended at the time asked. */
export type ListedReservation = HeldReservation & { leaseEnded: boolean };

/**
 * Every entry of the reservation book as an operator reads it (nothing changes): its holder's
 * state, risk, claims and lease, and whether that lease has ended at `now` (an ended lease with
 * state `none` is reclaimed by the next run, the reconcile job or a local start-up).
 */
export async function listReservations(
  store: ReservationStore,
  now: number,
): Promise<{ totalCents: number; reservations: ListedReservation[] }> {
  const book = await store.claims.readBook();
  const reservations: ListedReservation[] = [];
  for (const [holder, entry] of Object.entries(book?.entries ?? {})) {
    const state = await holderState(store, holder);
    reservations.push({ holder, state, ...entry, leaseEnded: leaseEnded(entry.leaseUntil, now) });
  }
  return { totalCents: book?.totalCents ?? 0, reservations };
}
