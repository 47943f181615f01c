import { ENTRY_LEASE_MS, leaseEnded } from "../../ledger/claim-lease";
import type { PaperOrderStore } from "../../ledger/paper-order-store";
import { pendingOrderId } from "../../ledger/pending-order";

/** The claim taken before a live position's closing order goes to the broker. */
export const liveCloseKey = (positionId: string): string => `live-close|${positionId}`;

/**
 * Claims the close of `positionId` (one closing order per position across concurrent requests),
 * held by the position id with a lease of {@link ENTRY_LEASE_MS}. A claim whose lease has ended
 * and whose close left no pending-order record (the run stopped before placing, or after recording
 * its outcome; claims from before leases, kept after a partial fill, included) is taken over with
 * a compare-and-swap, so of two takers one wins. A close with a pending record keeps its claim
 * whatever its lease: its order may be working, and whoever finishes the record releases it.
 * @param now - ms since epoch
 */
export async function claimLiveClose(
  orders: PaperOrderStore,
  positionId: string,
  now: number,
): Promise<boolean> {
  const key = liveCloseKey(positionId);
  const until = now + ENTRY_LEASE_MS;
  if (await orders.claims.claim(key, positionId, until, true)) return true;
  const current = await orders.claims.read(key);
  if (current === null) return orders.claims.claim(key, positionId, until, true);
  if (!leaseEnded(current.leaseUntil, now)) return false;
  const id = pendingOrderId("close", positionId);
  if ((await orders.listPendingOrders()).some((p) => p.id === id)) return false;
  return orders.claims.replace(current, positionId, until);
}

/** Releases the close claim of `positionId` (its closing order is final and recorded). */
export async function releaseLiveClose(orders: PaperOrderStore, positionId: string): Promise<void> {
  await orders.releaseKey(liveCloseKey(positionId), positionId);
}
