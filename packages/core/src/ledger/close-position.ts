import type { OrderRecord, PositionRecord } from "./order-types";
import type { Refusal } from "./leg-fill";
import { markAll, type MarkPositionsDeps } from "./mark-positions";
import { recordClose } from "./close-order";
import { spreadOrderFees } from "./fee-model";
import type { PaperOrderStore } from "./paper-order-store";
import { parsePaperSettings, type PaperSettings } from "./paper-settings";
import type { PositionMark } from "./position-mark";

/** Deps of {@link closePosition}. */
export interface ClosePositionDeps extends Omit<MarkPositionsDeps, "orders"> {
  orders: PaperOrderStore;
}

/** Result of {@link closePosition}. */
export type CloseResult =
  | { status: "closed"; position: PositionRecord; order: OrderRecord; realizedPnlCents: number }
  | { status: "already-closed"; position: PositionRecord }
  | { status: "refused"; positionId: string; reasons: Refusal[]; mark?: PositionMark }
  | { status: "not-found"; positionId: string };

/**
 * Closes an open paper position at the fill model's closing price from current quotes, appending
 * the exit order with its realised P&L. Refused (nothing written) when a leg quote is missing or
 * stale, or for a live position (those are closed at the broker).
 */
export async function closePosition(
  deps: ClosePositionDeps,
  positionId: string,
  options: { reason?: string; settings?: PaperSettings } = {},
): Promise<CloseResult> {
  const settings = options.settings ?? parsePaperSettings();
  const position = await deps.orders.getPosition(positionId);
  if (!position) return { status: "not-found", positionId };
  if (position.status === "closed") return { status: "already-closed", position };
  if (position.mode !== "paper") {
    const reasons = [{ code: "live-position", message: "a live position is closed at the broker, not here" }];
    return { status: "refused", positionId, reasons };
  }
  const [mark] = await markAll(deps, [position], settings.fill, settings.fees);
  if (!mark || mark.status !== "priced" || mark.underlyingPrice === null) {
    const reasons =
      mark?.status === "unpriced"
        ? mark.reasons
        : [{ code: "no-underlying-price", message: `no price for ${position.underlying}` }];
    deps.log.warn("paper.close.refused", { positionId, reasons });
    return { status: "refused", positionId, reasons, ...(mark ? { mark } : {}) };
  }
  const res = await recordClose(deps, position, {
    exitDebit: mark.debitToClose,
    legs: mark.legs.map((l) => ({
      bid: l.bid,
      ask: l.ask,
      quoteTime: l.quoteTime ?? deps.clock.now(),
      fillPrice: l.closePrice ?? 0,
      quoteSource: l.source,
    })),
    time: deps.clock.now(),
    underlyingPrice: mark.underlyingPrice,
    underlyingSource: mark.underlyingSource,
    reason: options.reason ?? "manual",
    fees: spreadOrderFees(
      settings.fees,
      "close",
      position,
      mark.legs.map((l) => l.closePrice ?? 0),
    ),
  });
  return closeResult(res, position);
}

/** The CloseResult of a recorded close: `closed`, or `already-closed` when it was a duplicate. */
export function closeResult(
  res: Awaited<ReturnType<typeof recordClose>>,
  position: PositionRecord,
): Extract<CloseResult, { status: "closed" | "already-closed" }> {
  if (res.status === "duplicate") return { status: "already-closed", position: res.position ?? position };
  return {
    status: "closed",
    position: res.position,
    order: res.order,
    realizedPnlCents: res.realizedPnlCents,
  };
}
