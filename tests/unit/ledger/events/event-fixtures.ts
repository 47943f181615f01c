import type { FillEvent, LedgerEvent, SettlementEvent } from "@stratdeck/core/ledger";

export const POS = "pos_test";
export const HEADER = { positionId: POS, multiplier: 100 };
export const T0 = Date.parse("2026-12-01T15:00:00Z");

/** A fill of `quantity` spreads at `netPrice` (USD per share, + credit / − debit) on order `orderId`. */
export function fill(
  eventId: string,
  effect: "open" | "close",
  quantity: number,
  netPrice: number,
  feesCents: number,
  options: { orderId?: string; orderQuantity?: number; at?: number; reason?: string } = {},
): FillEvent {
  return {
    eventId,
    positionId: POS,
    at: options.at ?? T0,
    type: "fill",
    effect,
    orderId: options.orderId ?? `${effect}-order`,
    orderQuantity: options.orderQuantity ?? 3,
    quantity,
    netPrice,
    feesCents,
    ...(options.reason ? { reason: options.reason } : {}),
  };
}

/** A settlement of `quantity` spreads at an intrinsic `debit` per spread. */
export function settlement(
  eventId: string,
  quantity: number,
  debit: number,
  approximate: boolean,
  at = T0 + 86_400_000,
): SettlementEvent {
  return {
    eventId,
    positionId: POS,
    at,
    type: "settlement",
    quantity,
    debit,
    price: 5680,
    settlementAt: at - 1000,
    source: approximate ? "rest:open" : "soq",
    approximate,
  };
}

/** Shuffles a copy deterministically (reverse, then rotate). */
export const shuffled = (events: readonly LedgerEvent[]): LedgerEvent[] => {
  const r = [...events].reverse();
  return [...r.slice(1), ...r.slice(0, 1)];
};
