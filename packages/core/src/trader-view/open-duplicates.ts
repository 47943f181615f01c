import type { PositionRecord } from "../ledger/order-types";

/** What marks an idea that duplicates an open position. */
export interface DuplicateMark {
  /** The open position with the same strategy, underlying and expiration (not tradable while open). */
  openPositionId?: string;
}

/**
 * Marks ideas that duplicate an open position (same strategy, underlying and expiration): automatic
 * entry refuses them (`duplicate-exposure`), so they are shown as already open, not as tradable.
 */
export function markOpenDuplicates<I extends { strategy: string; underlying: string; expiration: string }>(
  ideas: readonly I[],
  open: readonly Pick<PositionRecord, "positionId" | "strategy" | "underlying" | "expiration">[],
): (I & DuplicateMark)[] {
  const byKey = new Map(open.map((p) => [`${p.strategy}|${p.underlying}|${p.expiration}`, p.positionId]));
  return ideas.map((i) => {
    const id = byKey.get(`${i.strategy}|${i.underlying}|${i.expiration}`);
    return id ? { ...i, openPositionId: id } : i;
  });
}
