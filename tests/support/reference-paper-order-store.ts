import {
  MemoryClaimStore,
  PaperOrderStore,
  type LedgerEvent,
  type OrderRecord,
  type PendingOrder,
  type PositionRecord,
} from "@stratdeck/core/ledger";

/** What one partition read returns (the ledger's `PositionPartition`). */
type PositionPartition = {
  position: PositionRecord | null;
  orders: OrderRecord[];
  events: LedgerEvent[];
  seq: number;
};

/**
 * The reference in-memory PaperOrderStore: the plain adapter as it was before the memory store was
 * made fast (every read scans the whole log, copies with `structuredClone` and returns a fresh,
 * unfrozen partition, so the store derives every read anew). Equivalence tests run the same work
 * on it and on `MemoryPaperOrderStore` and compare.
 */
export class ReferencePaperOrderStore extends PaperOrderStore {
  private readonly orders = new Map<string, OrderRecord>();
  private readonly positions = new Map<string, PositionRecord>();
  readonly claims = new MemoryClaimStore();
  private readonly pending = new Map<string, PendingOrder>();
  private readonly events = new Map<string, Map<string, LedgerEvent>>();
  /** Checked events by position and sequence slot. */
  private readonly slots = new Map<string, Map<number, LedgerEvent>>();

  async savePendingOrder(order: PendingOrder): Promise<void> {
    this.pending.set(order.id, structuredClone(order));
  }

  async listPendingOrders(): Promise<PendingOrder[]> {
    return [...this.pending.values()]
      .sort((a, b) => a.createdAt - b.createdAt)
      .map((p) => structuredClone(p));
  }

  async deletePendingOrder(id: string): Promise<void> {
    this.pending.delete(id);
  }

  /** One consistent snapshot of a position (read before any await, as one query would be). */
  protected async readPartition(positionId: string): Promise<PositionPartition> {
    const p = this.positions.get(positionId);
    const slots = [...(this.slots.get(positionId) ?? new Map<number, LedgerEvent>())].sort(
      ([a], [b]) => a - b,
    );
    const events = [...(this.events.get(positionId)?.values() ?? []), ...slots.map(([, e]) => e)];
    return {
      position: p ? structuredClone(p) : null,
      orders: this.orderList(positionId),
      events: events.map((e) => structuredClone(e)),
      seq: slots.at(-1)?.[0] ?? 0,
    };
  }

  protected async listOpenRecords(): Promise<PositionRecord[]> {
    return [...this.positions.values()]
      .filter((p) => p.status === "open")
      .sort((a, b) => a.openedAt - b.openedAt)
      .map((p) => structuredClone(p));
  }

  protected async closedPositionIds(since: number): Promise<string[]> {
    const closes = [...this.orders.values()].filter((o) => o.kind === "close" && o.time >= since);
    const closed = [...this.positions.values()].filter(
      (p) => p.status === "closed" && (p.closedAt ?? 0) >= since,
    );
    return [...new Set([...closes.map((o) => o.positionId), ...closed.map((p) => p.positionId)])];
  }

  protected async insertEvent(event: LedgerEvent): Promise<boolean> {
    const events = this.events.get(event.positionId) ?? new Map<string, LedgerEvent>();
    if (events.has(event.eventId)) return false;
    this.events.set(event.positionId, events.set(event.eventId, structuredClone(event)));
    return true;
  }

  protected async insertEventAt(event: LedgerEvent, seq: number): Promise<boolean> {
    const slots = this.slots.get(event.positionId) ?? new Map<number, LedgerEvent>();
    if (slots.has(seq)) return false;
    this.slots.set(event.positionId, slots.set(seq, structuredClone(event)));
    return true;
  }

  async listRecentOrders(limit: number): Promise<OrderRecord[]> {
    return [...this.orders.values()]
      .sort((a, b) => b.time - a.time)
      .slice(0, limit)
      .map((o) => structuredClone(o));
  }

  async ordersOf(positionId: string): Promise<OrderRecord[]> {
    return this.orderList(positionId);
  }

  private orderList(positionId: string): OrderRecord[] {
    return [...this.orders.values()]
      .filter((o) => o.positionId === positionId)
      .sort((a, b) => a.time - b.time)
      .map((o) => structuredClone(o));
  }

  async getOrder(orderId: string): Promise<OrderRecord | null> {
    const o = this.orders.get(orderId);
    return o ? structuredClone(o) : null;
  }

  protected async insertOrder(order: OrderRecord): Promise<boolean> {
    if (this.orders.has(order.orderId)) return false;
    this.orders.set(order.orderId, structuredClone(order));
    return true;
  }

  protected async insertPosition(position: PositionRecord): Promise<void> {
    if (!this.positions.has(position.positionId))
      this.positions.set(position.positionId, structuredClone(position));
  }

  protected async savePosition(position: PositionRecord): Promise<void> {
    this.positions.set(position.positionId, structuredClone(position));
  }
}
