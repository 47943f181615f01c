import type { Claim, ClaimStore } from "./claim-store";
import type { OrderRecord, PositionRecord } from "./order-types";
import type { PendingOrder } from "./pending-order";

/**
 * How long an entry's claims are held for it before its position (or its pending broker order) is
 * written, ms. A holder never writes after its lease: it checks that at least half of it is left
 * before the write that makes its claims durable (see {@link leaseLeft}).
 */
export const ENTRY_LEASE_MS = 5 * 60_000;

/**
 * Where a claim's holder (a position id) is: `open` or `closed` position, a `pending-order` at the
 * broker (being followed by someone), an `order-only` open order in the log without its position (a
 * write interrupted between the two), or `none` (nothing written: the entry is in progress or died).
 */
export type HolderState = "open" | "closed" | "pending-order" | "order-only" | "none";

/** What {@link holderState} reads. */
export interface HolderRecords {
  listPendingOrders(): Promise<PendingOrder[]>;
  getPosition(positionId: string): Promise<PositionRecord | null>;
  getOrder(orderId: string): Promise<OrderRecord | null>;
}

/**
 * The state of `holder`, read in the order that never misses a finished holder: the pending order
 * first (it is deleted only after the position is written), then the position, then the open order.
 */
export async function holderState(records: HolderRecords, holder: string): Promise<HolderState> {
  if ((await records.listPendingOrders()).some((p) => p.positionId === holder)) return "pending-order";
  const position = await records.getPosition(holder);
  if (position) return position.status === "closed" ? "closed" : "open";
  return (await records.getOrder(`${holder}:open`)) ? "order-only" : "none";
}

/** Whether a lease has ended at `now` (a claim from before leases has, by definition). */
export const leaseEnded = (leaseUntil: number | null, now: number): boolean =>
  leaseUntil === null || leaseUntil <= now;

/** Ms left on a lease at `now` (0 when ended or absent). */
export const leaseLeft = (leaseUntil: number | null, now: number): number =>
  leaseUntil === null ? 0 : Math.max(0, leaseUntil - now);

/**
 * The lease rule: whether a claim may be taken over. A holder with an open position, a pending
 * broker order or an order in the log still needs it (its order may fill or has: the taker must
 * finish that holder, never free its capacity). A closed position's claims are free, except
 * `permanent` ones (a slot counts its entries after they close). A holder with nothing written is
 * free once its lease ended (it never finished), permanent claims included.
 */
export function claimIsFree(claim: Claim, state: HolderState, now: number, permanent: boolean): boolean {
  if (state === "closed") return !permanent;
  if (state === "none") return leaseEnded(claim.leaseUntil, now);
  return false;
}

/**
 * Takes `key` over for `holder` until `leaseUntil` when its current claim is free by
 * {@link claimIsFree}: a compare-and-swap on the claim as read, so of two takers one wins and a
 * renewal in between beats both. True when `holder` holds it now.
 */
export async function takeOverIfFree(
  claims: ClaimStore,
  records: HolderRecords,
  key: string,
  take: { holder: string; now: number; leaseUntil: number; permanent: boolean },
): Promise<boolean> {
  const current = await claims.read(key);
  if (!current) return claims.claim(key, take.holder, take.leaseUntil, true);
  if (current.holder === take.holder) return true;
  // Cheap first: a position decides alone, and without one a running lease is never free.
  const position = await records.getPosition(current.holder);
  if (position && position.status !== "closed") return false;
  if (!position && !leaseEnded(current.leaseUntil, take.now)) return false;
  const state = position ? "closed" : await holderState(records, current.holder);
  if (!claimIsFree(current, state, take.now, take.permanent)) return false;
  return claims.replace(current, take.holder, take.leaseUntil);
}
