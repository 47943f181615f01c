import { randomUUID } from "node:crypto";
import type { Claim } from "../../ledger/claim-store";
import { ENTRY_LEASE_MS, holderState, leaseEnded } from "../../ledger/claim-lease";
import type { PaperOrderStore } from "../../ledger/paper-order-store";

/** The claim taken before an entry's order goes to the broker (one placement per entry key). */
export const livePlacementKey = (positionId: string): string => `live-placement|${positionId}`;

/** A placement claim as this run holds it (needed to mark it done or release it). */
export type PlacementClaim = Claim & { leaseUntil: number };

/**
 * Claims the placement of entry `positionId` for this run: holder `placing:<run>` with a lease of
 * {@link ENTRY_LEASE_MS}, so a second delivery of the same entry sends nothing. A claim whose run
 * died before writing anything (its lease ended; no pending order, no position, no order in the log)
 * is taken over with a compare-and-swap (of two takers one wins). A placement marked done (holder
 * the position id, as every claim from before leases is) is never taken over. Null: another run has it.
 * @param now - ms since epoch
 */
export async function claimPlacement(
  orders: PaperOrderStore,
  positionId: string,
  now: number,
): Promise<{ claim: PlacementClaim; tookOver?: Claim } | null> {
  const claim: PlacementClaim = {
    key: livePlacementKey(positionId),
    holder: `placing:${randomUUID()}`,
    leaseUntil: now + ENTRY_LEASE_MS,
  };
  const take = () => orders.claims.claim(claim.key, claim.holder, claim.leaseUntil, true);
  if (await take()) return { claim };
  const current = await orders.claims.read(claim.key);
  if (current === null) return (await take()) ? { claim } : null;
  if (current.holder === positionId || !leaseEnded(current.leaseUntil, now)) return null;
  if ((await holderState(orders, positionId)) !== "none") return null;
  return (await orders.claims.replace(current, claim.holder, claim.leaseUntil))
    ? { claim, tookOver: current }
    : null;
}

/** Marks a placement done (its outcome is recorded): a redelivery of the entry is a duplicate for good. */
export async function placementDone(
  orders: PaperOrderStore,
  positionId: string,
  claim: PlacementClaim,
): Promise<void> {
  await orders.claims.replace(claim, positionId, null);
}

/** Gives a placement claim back (nothing was sent: the entry was refused before the broker). */
export async function releasePlacement(orders: PaperOrderStore, claim: PlacementClaim): Promise<void> {
  await orders.releaseKey(claim.key, claim.holder);
}
