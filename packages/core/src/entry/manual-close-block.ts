import type { PaperOrderStore } from "../ledger/paper-order-store";
import type { PositionRecord } from "../ledger/order-types";

/** The close reason of a position closed by hand (`stratdeck close`, the phone's Close). */
export const MANUAL_CLOSE_REASON = "manual";

/** Key of the exposure a manual close blocks: strategy, underlying and expiration (`YYYY-MM-DD`). */
export const exposureKey = (x: { strategy: string; underlying: string; expiration: string }): string =>
  `${x.strategy}|${x.underlying}|${x.expiration}`;

/**
 * Positions closed by hand whose expiration has not passed (`today` is the New York date), by
 * {@link exposureKey}: automatic entry does not reopen these (the trader took them off on purpose).
 */
export async function manualCloseBlocks(
  orders: Pick<PaperOrderStore, "listClosedPositions">,
  today: string,
): Promise<Map<string, PositionRecord>> {
  const out = new Map<string, PositionRecord>();
  for (const p of await orders.listClosedPositions())
    if (p.closeReason === MANUAL_CLOSE_REASON && p.expiration >= today) out.set(exposureKey(p), p);
  return out;
}
