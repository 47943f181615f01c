import { createHash } from "node:crypto";
import type { OrderRecord, PositionRecord, AppendResult } from "./order-types";
import type { PendingOrder } from "./pending-order";
import { pnlCents } from "./payoff";
import { netPnlCents } from "./pnl";
import type { ClaimStore } from "./claim-store";
import {
  releaseCapacity,
  reserveCapacity,
  type ReservationRequest,
  type ReservationResult,
  type ReservationStore,
} from "./reservations";

/** Position id derived from an entry's idempotency key, so the same slot always maps to one position. */
export function positionIdFor(idempotencyKey: string): string {
  return "pos_" + createHash("sha256").update(idempotencyKey).digest("hex").slice(0, 20);
}

/** Order id of a position's open or close order (one of each per position). */
export function orderIdFor(positionId: string, kind: OrderRecord["kind"]): string {
  return `${positionId}:${kind}`;
}

/** Input of {@link PaperOrderStore.close}. */
export interface CloseInput {
  positionId: string;
  order: Omit<OrderRecord, "orderId" | "positionId" | "kind">;
  /** Net debit paid to close one spread, USD per share. */
  exitDebit: number;
  /** Realised P&L of the whole position before fees, cents. */
  realizedPnlCents: number;
  /** Fees of the closing order, cents. */
  exitFeesCents: number;
  closeReason: string;
  /** A settlement's index value (points), instant (ms) and source. */
  settlement?: { price: number; at: number; source: string };
}

/** The fee and net fields of a closed position from its gross P&L and both orders' fees. */
export function closedFigures(
  position: Pick<PositionRecord, "entryFeesCents">,
  realizedPnlCents: number,
  exitFeesCents: number,
): Pick<PositionRecord, "exitFeesCents" | "feesCents" | "netPnlCents"> {
  const feesCents = (position.entryFeesCents ?? 0) + exitFeesCents;
  return { exitFeesCents, feesCents, netPnlCents: netPnlCents(realizedPnlCents, feesCents) };
}

/**
 * Port for the append-only order log and its position records. Policy lives here: ids derive from
 * idempotency keys, an open order is a conditional write (a duplicate slot writes nothing), a
 * position closes at most once. Adapters only store and query; no transactions, no scans.
 */
export abstract class PaperOrderStore implements ReservationStore {
  /** Claims with leases and the reservation book (adapter: on the same table). */
  abstract readonly claims: ClaimStore;

  /**
   * Reserves capacity for a new position before it is opened (see `reserveCapacity`): the
   * duplicate rule and every cap hold across concurrent processes. Put the returned keys and risk
   * on the position (`reservations`, `reservedRiskCents`) so its close releases them.
   */
  reserve(request: ReservationRequest): Promise<ReservationResult> {
    return reserveCapacity(this, request);
  }

  /**
   * Releases reservations of an entry that did not happen (slot claims included), and its reserved
   * risk unless `keepRisk` (the position was written by another delivery and owns it).
   */
  releaseUnused(
    positionId: string,
    keys: readonly string[],
    options: { keepRisk?: boolean } = {},
  ): Promise<void> {
    return releaseCapacity(this, positionId, keys, { keepSlot: false, keepRisk: options.keepRisk === true });
  }

  /** Releases a closed position's reservations (slot claims stay). */
  private async releaseOf(position: PositionRecord): Promise<void> {
    await releaseCapacity(this, position.positionId, position.reservations ?? []);
  }

  /**
   * Appends an entry order and creates its position. Concurrent or repeated calls with the same
   * idempotency key write exactly one order; the others get `duplicate` with the stored records.
   */
  async open(
    order: Omit<OrderRecord, "orderId" | "positionId" | "kind">,
    position: Omit<PositionRecord, "positionId" | "status" | "idempotencyKey">,
  ): Promise<AppendResult> {
    const positionId = positionIdFor(order.idempotencyKey);
    const full: OrderRecord = { ...order, kind: "open", positionId, orderId: orderIdFor(positionId, "open") };
    const pos: PositionRecord = {
      ...position,
      positionId,
      status: "open",
      idempotencyKey: order.idempotencyKey,
    };
    const inserted = await this.insertOrder(full);
    if (!inserted) {
      const existing = (await this.getOrder(full.orderId)) ?? full;
      let stored = await this.getPosition(positionId);
      // A crash between the two writes leaves an order without its position: repair it.
      if (!stored) {
        await this.insertPosition(pos);
        stored = await this.getPosition(positionId);
      }
      return { status: "duplicate", order: existing, position: stored };
    }
    await this.insertPosition(pos);
    return { status: "written", order: full, position: pos };
  }

  /**
   * Appends the close order and marks the position closed. A second close of the same position
   * writes nothing and returns `duplicate`.
   */
  async close(input: CloseInput): Promise<AppendResult> {
    const full: OrderRecord = {
      ...input.order,
      kind: "close",
      positionId: input.positionId,
      orderId: orderIdFor(input.positionId, "close"),
    };
    const current = await this.getPosition(input.positionId);
    if (!current) throw new Error(`close: unknown position ${input.positionId}`);
    const inserted = await this.insertOrder(full);
    const closed: PositionRecord = {
      ...current,
      status: "closed",
      closedAt: full.time,
      exitDebit: input.exitDebit,
      realizedPnlCents: input.realizedPnlCents,
      ...closedFigures(current, input.realizedPnlCents, input.exitFeesCents),
      closeReason: input.closeReason,
      ...(input.settlement
        ? {
            settlementPrice: input.settlement.price,
            settlementAt: input.settlement.at,
            settlementSource: input.settlement.source,
          }
        : {}),
    };
    if (!inserted) {
      const existing = (await this.getOrder(full.orderId)) ?? full;
      let stored = current;
      if (current.status === "open") {
        // Repair: the close order exists but the position was not yet marked closed. The position
        // takes the figures of the logged order (what was traded), not this caller's later fill.
        const exitDebit = existing.side === "debit" ? existing.price : -existing.price;
        const gross = pnlCents(current.entryCredit, exitDebit, current.multiplier, current.quantity);
        await this.markClosed({
          ...closed,
          closedAt: existing.time,
          exitDebit,
          realizedPnlCents: gross,
          ...closedFigures(current, gross, existing.fees?.totalCents ?? input.exitFeesCents),
          closeReason: existing.reason,
        });
        stored = (await this.getPosition(input.positionId)) ?? closed;
        await this.releaseOf(stored);
      }
      return { status: "duplicate", order: existing, position: stored };
    }
    await this.markClosed(closed);
    await this.releaseOf(closed);
    return { status: "written", order: full, position: closed };
  }

  /** One position by id, or null. */
  abstract getPosition(positionId: string): Promise<PositionRecord | null>;
  /** Open positions, oldest first, read through the open-positions index (never a scan). */
  abstract listOpenPositions(): Promise<PositionRecord[]>;
  /** Every closed (or settled) position, any order (for the trade history). */
  abstract listClosedPositions(): Promise<PositionRecord[]>;
  /** Recent positions of any status, newest first (for history views). */
  abstract listRecentOrders(limit: number): Promise<OrderRecord[]>;
  /** All orders of one position, oldest first. */
  abstract ordersOf(positionId: string): Promise<OrderRecord[]>;
  /** One order by id, or null. */
  abstract getOrder(orderId: string): Promise<OrderRecord | null>;

  /** Adapter: insert an order unless its id exists; true when inserted. */
  protected abstract insertOrder(order: OrderRecord): Promise<boolean>;
  /** Adapter: insert a position unless it exists (no-op when present). */
  protected abstract insertPosition(position: PositionRecord): Promise<void>;
  /** Adapter: overwrite a position as closed (drops it from the open index). */
  protected abstract markClosed(position: PositionRecord): Promise<void>;

  /** Adapter: writes (or overwrites) a pending broker order, by its id. */
  abstract savePendingOrder(order: PendingOrder): Promise<void>;
  /** Adapter: every pending broker order (one partition, never a scan), oldest first. */
  abstract listPendingOrders(): Promise<PendingOrder[]>;
  /** Adapter: removes a pending broker order (no-op when absent). */
  abstract deletePendingOrder(id: string): Promise<void>;

  /** Claims `key` for `holder` without a lease (a marker); see {@link ClaimStore.claim}. */
  claimKey(key: string, holder: string, strict = false): Promise<boolean> {
    return this.claims.claim(key, holder, null, strict);
  }

  /** Current holder of `key`, or null. */
  async keyHolder(key: string): Promise<string | null> {
    return (await this.claims.read(key))?.holder ?? null;
  }

  /** Releases `key` if `holder` holds it; true when released. */
  releaseKey(key: string, holder: string): Promise<boolean> {
    return this.claims.release(key, holder);
  }
}
