import type { BookEntry, ClaimStore, PlannedClaim } from "./claim-store";
import type { HolderRecords } from "./claim-lease";
import type { PositionRecord } from "./order-types";

/** What reservations read and write: the claims, and the records that tell a holder's state. */
export interface ReservationStore extends HolderRecords {
  readonly claims: ClaimStore;
  listOpenPositions(): Promise<PositionRecord[]>;
}

/** Slot claims stay after a close: a slot's entries count even when closed again. */
export const isPermanent = (key: string): boolean => key.startsWith("slot|");

/**
 * Creates the reservation book when there is none (the first reservation, or state written before
 * the book existed): every open position's reserved risk (`reservedRiskCents`) and claims
 * (`reservations`) become its entry, counted. Idempotent: a conditional put, so of two migrators
 * one writes and the other finds the book. True when this call wrote it.
 */
export async function ensureBook(store: ReservationStore): Promise<boolean> {
  if (await store.claims.readBook()) return false;
  const entries: Record<string, BookEntry> = {};
  let totalCents = 0;
  for (const p of await store.listOpenPositions()) {
    if (p.reservedRiskCents === undefined) continue;
    entries[p.positionId] = {
      riskCents: p.reservedRiskCents,
      counted: true,
      leaseUntil: null,
      plan: [],
      keys: p.reservations ?? [],
    };
    totalCents += p.reservedRiskCents;
  }
  return store.claims.createBook({ totalCents, entries });
}

/** Opens `holder`'s entry (creating the book first if needed); a second delivery renews its lease. */
export async function openEntry(
  store: ReservationStore,
  holder: string,
  entry: BookEntry,
): Promise<"added" | "present"> {
  let r = await store.claims.openEntry(holder, entry);
  if (r === "no-book") {
    await ensureBook(store);
    r = await store.claims.openEntry(holder, entry);
  }
  if (r === "no-book") throw new Error("reservation book: missing after it was created");
  if (r === "present" && entry.leaseUntil !== null) await store.claims.renewEntry(holder, entry.leaseUntil);
  return r;
}

/**
 * Releases `holder`'s claims and its book entry (its risk leaves the total in the same write).
 * `keys` are the claims it took; `plan` the numbered claims it may have taken (tried one by one,
 * each conditional on the holder, for an entry that died before recording its keys). With
 * `keepSlot`, slot claims stay (a closed position's slot still counts its entry); with `keepEntry`,
 * the book entry and its risk stay (a position of the same holder owns them).
 */
export async function releaseHolder(
  store: ReservationStore,
  holder: string,
  keys: readonly string[],
  options: { keepSlot: boolean; keepEntry?: boolean; plan?: readonly PlannedClaim[] },
): Promise<void> {
  const all = new Set(keys);
  for (const p of options.plan ?? []) for (let n = 0; n < p.count; n++) all.add(`${p.base}#${n}`);
  for (const k of all) {
    if (options.keepSlot && isPermanent(k)) continue;
    await store.claims.release(k, holder);
  }
  if (options.keepEntry) return;
  const entry = (await store.claims.readBook())?.entries[holder];
  if (entry) await store.claims.removeEntry(holder, entry);
}
