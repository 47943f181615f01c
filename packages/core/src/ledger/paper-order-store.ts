import { createHash } from "node:crypto";
import type { OrderRecord, PositionRecord, AppendResult } from "./order-types";
import type { PendingOrder } from "./pending-order";
import { checkAppend } from "./events/check-event";
import type { LedgerEvent } from "./events/ledger-event";
import { LedgerError } from "./events/ledger-error";
import { parseLedgerEvent } from "./events/ledger-event-schema";
import { orderEvents, orderOfEvent, APPROXIMATE_SOURCES } from "./events/order-events";
import type { PositionState } from "./events/position-state";
import { partitionState, projectPosition, type PositionPartition } from "./position-projection";
import { clonePlain, freezePlain } from "./plain-data";
import type { ClaimStore } from "./claim-store";
import { LegacyReads } from "./legacy-reads";
import type { Log } from "../log/log";
import {
  isPermanent,
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

/**
 * Order id of a position's open or close order: `<positionId>:open`, `<positionId>:close`, or for
 * one of several closing orders (partial closes) `<positionId>:close|<ref>` (`ref`: the venue's
 * order id, so the same broker order is recorded once).
 */
export function orderIdFor(positionId: string, kind: OrderRecord["kind"], ref?: string): string {
  return ref === undefined ? `${positionId}:${kind}` : `${positionId}:${kind}|${ref}`;
}

/** Input of {@link PaperOrderStore.close}. */
export interface CloseInput {
  positionId: string;
  /** The closing order: its side and price are the exit; the realised P&L derives from the events. */
  order: Omit<OrderRecord, "orderId" | "positionId" | "kind">;
  /** Fees of the closing order, cents. */
  exitFeesCents: number;
  closeReason: string;
  /**
   * The venue's id of this closing order (a broker order id): the close is logged as
   * `<positionId>:close|<ref>`, one record per broker order, so a position may close in several
   * orders. Absent: the position's one close order `<positionId>:close`.
   */
  orderRef?: string;
  /**
   * A settlement's index value (points), instant (ms), source, and whether the value is an
   * approximation (default: true for an AM root's `rest:open` print).
   */
  settlement?: { price: number; at: number; source: string; approximate?: boolean };
}

/** Outcome of {@link PaperOrderStore.appendEvent}: `duplicate` when the same event was there. */
export interface AppendEventResult {
  status: "written" | "duplicate";
  event: LedgerEvent;
  /** The position's state with the event. */
  state: PositionState;
}

/**
 * A position's partition as read: its record (projected), events, state, last slot and orders;
 * `shared` when derived from a shared partition (frozen: copy before handing out).
 */
interface PartitionRead {
  position: PositionRecord;
  events: LedgerEvent[];
  state: PositionState;
  seq: number;
  orders: OrderRecord[];
  shared: boolean;
}

/** What a read hands out: a copy of shared data, else the value itself. */
const handOut = <T>(read: PartitionRead, value: T): T => (read.shared ? clonePlain(value) : value);

/** Lost sequence slots before an append gives up (each loss means another event was written). */
const MAX_APPEND_ATTEMPTS = 50;

const busy = (e: LedgerEvent, attempts: number): LedgerError =>
  new LedgerError(
    "ledger-busy",
    `${e.type} ${e.eventId} of ${e.positionId}: other events took the next slot ${attempts} times in a row; nothing written, try again`,
    e.positionId,
    e.eventId,
  );

const unknownPosition = (positionId: string, what: string, eventId: string | null = null): LedgerError =>
  new LedgerError("ledger-unknown-position", `${what}: unknown position ${positionId}`, positionId, eventId);

/**
 * Port for the ledger: the order log, its position records and the events (fills, cancels,
 * settlements, claim changes) a position's state is derived from. Policy lives here: ids derive
 * from idempotency keys, every write is conditional on its natural key (a duplicate writes
 * nothing), events are checked against what is there (no overfill, no conflicting duplicate), and
 * positions are read as {@link positionState} derives them from their events, records written
 * before events included. Adapters only store and query; no transactions, no scans.
 */
export abstract class PaperOrderStore implements ReservationStore {
  /** Claims with leases and the reservation book (adapter: on the same table). */
  abstract readonly claims: ClaimStore;
  /** What was derived from each shared partition (see {@link readPartition}). */
  private readonly derived = new WeakMap<PositionPartition, PartitionRead>();
  private readonly legacyReads = new LegacyReads();

  /**
   * Logs once per listing (open, closed), at info (`ledger.legacy-read`: listing, records,
   * positions), how many order records from before events it read in place as events. Returns the
   * store.
   */
  reportLegacyReads(log: Log): this {
    this.legacyReads.reportTo(log);
    return this;
  }

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

  /** One position as its events say, or null. */
  async getPosition(positionId: string): Promise<PositionRecord | null> {
    const read = await this.read(positionId);
    return read ? handOut(read, read.position) : null;
  }

  /** A position's events, oldest first (records from before events read as the events they state). */
  async eventsOf(positionId: string): Promise<LedgerEvent[]> {
    const read = await this.read(positionId);
    return read ? handOut(read, read.events) : [];
  }

  /** A position's state derived from its events, or null for an unknown position. */
  async stateOf(positionId: string): Promise<PositionState | null> {
    const read = await this.read(positionId);
    return read ? handOut(read, read.state) : null;
  }

  /** Open positions, oldest first (the open index, each read from its events). */
  async listOpenPositions(): Promise<PositionRecord[]> {
    const out: PositionRecord[] = [];
    for (const stored of await this.listOpenRecords()) {
      const read = await this.read(stored.positionId);
      if (read?.position.status === "open") out.push(handOut(read, read.position));
      // The index lags a close whose record update was cut off: bring it up to date.
      else if (read) await this.sync(stored.positionId);
    }
    this.legacyReads.flush(
      "open",
      out.map((p) => p.positionId),
    );
    return out;
  }

  /** Closed (or settled) positions, any order; with `since` (ms) only those closed since then. */
  async listClosedPositions(options: { since?: number } = {}): Promise<PositionRecord[]> {
    const out: PositionRecord[] = [];
    for (const id of await this.closedPositionIds(options.since ?? 0)) {
      const p = await this.getPosition(id);
      if (p?.status === "closed" && (p.closedAt ?? 0) >= (options.since ?? 0)) out.push(p);
    }
    this.legacyReads.flush(
      "closed",
      out.map((p) => p.positionId),
    );
    return out;
  }

  /**
   * Appends one event (validated here: the edge). A duplicate delivery (same id, same content) is
   * a no-op (`duplicate`); a {@link LedgerError} refuses an invalid event, an unknown position, a
   * conflicting duplicate or an overfill, and nothing is written then. The check holds across
   * processes (see {@link PaperOrderStore.appendChecked}). The position record follows the events;
   * once closed, its claims are released.
   */
  async appendEvent(input: unknown): Promise<AppendEventResult> {
    const event = parseLedgerEvent(input);
    const appended = await this.appendChecked(event);
    if (appended.status === "duplicate") return appended;
    return { ...appended, state: await this.sync(event.positionId) };
  }

  /**
   * Checks `event` against the position's events and writes it into the next sequence slot, a
   * write conditional on that slot being free (optimistic concurrency, no transaction). Of two
   * appends checked against the same events one takes the slot; the other reads again and is
   * checked again: then a duplicate, or refused (e.g. the overfill the first one caused).
   */
  private async appendChecked(event: LedgerEvent): Promise<AppendEventResult> {
    for (let attempt = 1; ; attempt++) {
      const read = await this.read(event.positionId);
      if (!read) throw unknownPosition(event.positionId, `${event.type} ${event.eventId}`, event.eventId);
      if (checkAppend(read.position, read.events, event) === "duplicate")
        return { status: "duplicate", event, state: handOut(read, read.state) };
      if (await this.insertEventAt(event, read.seq + 1))
        return { status: "written", event, state: handOut(read, read.state) };
      if (attempt >= MAX_APPEND_ATTEMPTS) throw busy(event, attempt);
    }
  }

  /**
   * Reads a position's partition and derives its events, state and record. A frozen partition is
   * shared by the adapter: what is derived from it is frozen too and kept for the next read of the
   * same partition object.
   */
  private async read(positionId: string): Promise<PartitionRead | null> {
    const part = await this.readPartition(positionId);
    if (!part.position) return null;
    const known = this.derived.get(part);
    if (known) return known;
    const { events, state, legacy } = partitionState({ ...part, position: part.position });
    this.legacyReads.note(positionId, legacy);
    const read = {
      position: projectPosition(part.position, state),
      events,
      state,
      seq: part.seq,
      orders: part.orders,
      shared: false,
    };
    if (!Object.isFrozen(part)) return read;
    this.derived.set(part, freezePlain({ ...read, shared: true }));
    return this.derived.get(part) as PartitionRead;
  }

  /** Rewrites a position's record from its events; once closed, releases its claims. */
  private async sync(positionId: string): Promise<PositionState> {
    const read = await this.read(positionId);
    if (!read) throw unknownPosition(positionId, "sync");
    await this.savePosition(read.position);
    if (read.state.status === "closed") {
      await this.repairCloseOrder(read);
      await this.releaseOf(read.position, read.state);
    }
    return handOut(read, read.state);
  }

  /** Writes the close order records stored close events state when a crash cut them off. */
  private async repairCloseOrder(read: PartitionRead): Promise<void> {
    const prefix = orderIdFor(read.position.positionId, "close");
    const logged = new Set(read.orders.map((o) => o.orderId));
    const repaired = new Set<string>();
    for (const e of read.events) {
      if (!((e.type === "fill" && e.effect === "close") || e.type === "settlement")) continue;
      const id = e.orderId;
      if (id === undefined || !id.startsWith(prefix) || logged.has(id) || repaired.has(id)) continue;
      repaired.add(id);
      await this.insertOrder(orderOfEvent(read.position, e));
    }
  }

  /** Releases a closed position's claims and risk (slot claims stay), each recorded as an event. */
  private async releaseOf(position: PositionRecord, state: PositionState): Promise<void> {
    await releaseCapacity(this, position.positionId, state.claimsToRelease);
    for (const key of state.claimsToRelease.filter((k) => !isPermanent(k)))
      await this.insertEvent({
        eventId: `claim|released|${key}`,
        positionId: position.positionId,
        at: state.closedAt ?? position.openedAt,
        type: "claim",
        key,
        change: "released",
      });
  }

  /**
   * Appends an entry order and creates its position, with the order's fill as an event.
   * Concurrent or repeated calls with the same idempotency key write exactly one order; the
   * others get `duplicate` with the stored records.
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
    // A crash between these writes leaves an order without its position: a duplicate repairs it.
    await this.insertPosition(pos);
    if (!inserted) {
      const existing = (await this.getOrder(full.orderId)) ?? full;
      return { status: "duplicate", order: existing, position: await this.getPosition(positionId) };
    }
    for (const e of orderEvents(full, pos.entryFeesCents ?? full.fees?.totalCents ?? 0))
      await this.insertEvent(e);
    return { status: "written", order: full, position: (await this.getPosition(positionId)) ?? pos };
  }

  /**
   * Appends the close order with its fill (or settlement) event, and the position closes as its
   * events say. A second close of the same position writes nothing and returns `duplicate`, also
   * when it raced the first (or a fill or settlement appended by another process). The event goes
   * first, through the sequenced append, so the order record is only written for a close that won.
   */
  async close(input: CloseInput): Promise<AppendResult> {
    const full: OrderRecord = {
      ...input.order,
      kind: "close",
      positionId: input.positionId,
      orderId: orderIdFor(input.positionId, "close", input.orderRef),
    };
    const read = await this.read(input.positionId);
    if (!read) throw unknownPosition(input.positionId, "close");
    const s = input.settlement;
    const [event, ...rest] = orderEvents(
      { ...full, reason: input.closeReason },
      input.exitFeesCents,
      s && { ...s, approximate: s.approximate ?? APPROXIMATE_SOURCES.includes(s.source) },
    );
    if (!(await this.getOrder(full.orderId))) {
      if (!read.events.some((e) => e.eventId === event.eventId)) {
        checkAppend(read.position, read.events, event);
        if ((await this.appendClose(event)) === "written") {
          await this.insertOrder(full);
          // A partly filled closing order: the cancel of its rest (read from the record until written).
          for (const e of rest) await this.appendChecked(e);
          await this.sync(input.positionId);
          const closed = await this.getPosition(input.positionId);
          return { status: "written", order: full, position: closed ?? handOut(read, read.position) };
        }
      }
    }
    // Repair: a close order whose position record was not yet updated takes the logged order's figures.
    await this.sync(input.positionId);
    const stored = (await this.getOrder(full.orderId)) ?? full;
    return { status: "duplicate", order: stored, position: await this.getPosition(input.positionId) };
  }

  /**
   * Appends a close's event: `lost` when it was refused because another close got there first
   * (the position is closed now), else whether it was written or was there already.
   */
  private async appendClose(event: LedgerEvent): Promise<"written" | "duplicate" | "lost"> {
    try {
      return (await this.appendChecked(event)).status;
    } catch (err) {
      if (err instanceof LedgerError && (await this.stateOf(event.positionId))?.status === "closed")
        return "lost";
      throw err;
    }
  }

  /** Recent orders of any position, newest first (for history views). */
  abstract listRecentOrders(limit: number): Promise<OrderRecord[]>;
  /** All orders of one position, oldest first. */
  abstract ordersOf(positionId: string): Promise<OrderRecord[]>;
  /** One order by id, or null. */
  abstract getOrder(orderId: string): Promise<OrderRecord | null>;

  /**
   * Adapter: a position's record, orders and stored events (one partition read). An adapter may
   * return the same deeply frozen partition object until the position is written; the store then
   * derives its state once and hands out copies.
   */
  protected abstract readPartition(positionId: string): Promise<PositionPartition>;
  /** Adapter: position records in the open index, oldest first (never a scan). */
  protected abstract listOpenRecords(): Promise<PositionRecord[]>;
  /** Adapter: ids of positions closed at or after `since` ms (closed records and close orders). */
  protected abstract closedPositionIds(since: number): Promise<string[]>;
  /** Adapter: insert an order unless its id exists; true when inserted. */
  protected abstract insertOrder(order: OrderRecord): Promise<boolean>;
  /**
   * Adapter: insert an event unless its id exists in its position; true when inserted. Unchecked:
   * only for events nothing is checked against (an entry's own fill, a claim released).
   */
  protected abstract insertEvent(event: LedgerEvent): Promise<boolean>;
  /**
   * Adapter: insert a checked event into sequence slot `seq` of its position unless that slot is
   * taken (one single-item conditional write); true when inserted.
   */
  protected abstract insertEventAt(event: LedgerEvent, seq: number): Promise<boolean>;
  /** Adapter: insert a position unless it exists (no-op when present). */
  protected abstract insertPosition(position: PositionRecord): Promise<void>;
  /** Adapter: overwrite a position record (in the open index while open, else in the closed one). */
  protected abstract savePosition(position: PositionRecord): Promise<void>;

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
