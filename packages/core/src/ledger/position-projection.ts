import type { LedgerEvent } from "./events/ledger-event";
import { eventsWithLegacy, legacyRecordCount } from "./events/order-events";
import { positionState, type PositionState } from "./events/position-state";
import type { OrderRecord, PositionRecord } from "./order-types";

/** Everything stored under one position: its record, its order-log records and its events. */
export interface PositionPartition {
  position: PositionRecord | null;
  orders: OrderRecord[];
  events: LedgerEvent[];
  /**
   * The position's highest taken sequence slot (0 when none): the next checked event goes in slot
   * `seq + 1`, a write conditional on that slot being free (events from before slots have none).
   */
  seq: number;
}

/** Fields of a position record that are derived from its events (rewritten by every projection). */
const DERIVED = [
  "closedAt",
  "exitDebit",
  "realizedPnlCents",
  "closeReason",
  "exitFeesCents",
  "feesCents",
  "netPnlCents",
  "settlementPrice",
  "settlementAt",
  "settlementSource",
  "settlementApproximate",
] as const;

/**
 * A partition's events (records from before events read as the events they state), its state, and
 * how many order-log records were read as events (`legacy`).
 */
export function partitionState(part: PositionPartition & { position: PositionRecord }): {
  events: LedgerEvent[];
  state: PositionState;
  legacy: number;
} {
  const events = eventsWithLegacy(part.position, part.orders, part.events);
  const legacy = legacyRecordCount(part.orders, part.events);
  return { events, state: positionState(part.position, events), legacy };
}

/**
 * A position record as its events say: status, quantity (what is open; what was opened once
 * closed), average entry credit and fees, and once closed the exit, realised P&L (gross, fees,
 * net), reason and settlement. The record's fixed facts (legs, strategy, …) are kept.
 */
export function projectPosition(stored: PositionRecord, state: PositionState): PositionRecord {
  const out: PositionRecord = { ...stored };
  for (const k of DERIVED) delete out[k];
  const closed = state.status === "closed";
  const quantity = closed ? state.openedQuantity : state.openQuantity;
  Object.assign(out, {
    status: state.status,
    quantity,
    entryCredit: state.avgOpenCredit ?? stored.entryCredit,
    entryFeesCents: state.openFeesCents,
    ...perQuantity(stored, quantity),
  });
  if (!closed) return out;
  const s = state.settlement;
  return {
    ...out,
    closedAt: state.closedAt ?? stored.openedAt,
    exitDebit: state.avgCloseDebit ?? 0,
    realizedPnlCents: state.grossCents,
    closeReason: state.closeReason ?? "unknown",
    exitFeesCents: state.closeFeesCents,
    feesCents: state.feesCents,
    netPnlCents: state.netCents,
    ...(s
      ? {
          settlementPrice: s.price,
          settlementAt: s.settlementAt,
          settlementSource: s.source,
          settlementApproximate: s.approximate,
        }
      : {}),
  };
}

/**
 * Max profit and loss of `quantity` spreads (what is open after a partial close, or all that was
 * opened once closed), from the stored record's figures for its own quantity (exact: both are whole
 * cents per spread times the spreads).
 */
function perQuantity(
  stored: PositionRecord,
  quantity: number,
): Pick<PositionRecord, "maxProfitCents" | "maxLossCents"> | Record<string, never> {
  if (stored.quantity <= 0 || quantity <= 0 || quantity === stored.quantity) return {};
  const scale = (cents: number) => Math.round(cents / stored.quantity) * quantity;
  return { maxProfitCents: scale(stored.maxProfitCents), maxLossCents: scale(stored.maxLossCents) };
}
