import { clonePlain, freezePlain } from "./plain-data";
import type { OrderRecord, PositionRecord } from "./order-types";
import { PaperOrderStore } from "./paper-order-store";
import type { PendingOrder } from "./pending-order";
import { MemoryClaimStore } from "./memory-claim-store";
import type { LedgerEvent } from "./events/ledger-event";
import type { PositionPartition } from "./position-projection";

/**
 * In-memory PaperOrderStore: maps of orders, position records, events and claims. Orders are also
 * indexed by position and close orders kept apart (in insertion order), and each position's
 * partition is built once, frozen and shared until the position is written (the store reuses what
 * it derived from it and hands out copies): a year's backtest reads positions ~10⁶ times.
 */
export class MemoryPaperOrderStore extends PaperOrderStore {
  private readonly orders = new Map<string, OrderRecord>();
  private readonly ordersByPosition = new Map<string, OrderRecord[]>();
  private readonly closeOrders: OrderRecord[] = [];
  private readonly positions = new Map<string, PositionRecord>();
  readonly claims = new MemoryClaimStore();
  private readonly pending = new Map<string, PendingOrder>();
  private readonly events = new Map<string, Map<string, LedgerEvent>>();
  /** Checked events by position and sequence slot. */
  private readonly slots = new Map<string, Map<number, LedgerEvent>>();
  /** Frozen partitions by position id, dropped when the position is written. */
  private readonly partitions = new Map<string, PositionPartition>();

  async savePendingOrder(order: PendingOrder): Promise<void> {
    this.pending.set(order.id, clonePlain(order));
  }

  async listPendingOrders(): Promise<PendingOrder[]> {
    return [...this.pending.values()].sort((a, b) => a.createdAt - b.createdAt).map((p) => clonePlain(p));
  }

  async deletePendingOrder(id: string): Promise<void> {
    this.pending.delete(id);
  }

  /**
   * One consistent snapshot of a position (read before any await, as one query would be), frozen
   * and shared: the same object until the position is written.
   */
  protected async readPartition(positionId: string): Promise<PositionPartition> {
    const cached = this.partitions.get(positionId);
    if (cached) return cached;
    const slots = [...(this.slots.get(positionId) ?? new Map<number, LedgerEvent>())].sort(
      ([a], [b]) => a - b,
    );
    const part = freezePlain({
      position: this.positions.get(positionId) ?? null,
      orders: this.storedOrdersOf(positionId),
      events: [...(this.events.get(positionId)?.values() ?? []), ...slots.map(([, e]) => e)],
      seq: slots.at(-1)?.[0] ?? 0,
    });
    this.partitions.set(positionId, part);
    return part;
  }

  /** The stored records, frozen and shared (the store reads only their ids). */
  protected async listOpenRecords(): Promise<PositionRecord[]> {
    return [...this.positions.values()]
      .filter((p) => p.status === "open")
      .sort((a, b) => a.openedAt - b.openedAt)
      .map((p) => freezePlain(p));
  }

  protected async closedPositionIds(since: number): Promise<string[]> {
    const closes = this.closeOrders.filter((o) => o.time >= since);
    const closed = [...this.positions.values()].filter(
      (p) => p.status === "closed" && (p.closedAt ?? 0) >= since,
    );
    return [...new Set([...closes.map((o) => o.positionId), ...closed.map((p) => p.positionId)])];
  }

  protected async insertEvent(event: LedgerEvent): Promise<boolean> {
    const events = this.events.get(event.positionId) ?? new Map<string, LedgerEvent>();
    if (events.has(event.eventId)) return false;
    this.events.set(event.positionId, events.set(event.eventId, clonePlain(event)));
    this.partitions.delete(event.positionId);
    return true;
  }

  protected async insertEventAt(event: LedgerEvent, seq: number): Promise<boolean> {
    const slots = this.slots.get(event.positionId) ?? new Map<number, LedgerEvent>();
    if (slots.has(seq)) return false;
    this.slots.set(event.positionId, slots.set(seq, clonePlain(event)));
    this.partitions.delete(event.positionId);
    return true;
  }

  async listRecentOrders(limit: number): Promise<OrderRecord[]> {
    return [...this.orders.values()]
      .sort((a, b) => b.time - a.time)
      .slice(0, limit)
      .map((o) => clonePlain(o));
  }

  async ordersOf(positionId: string): Promise<OrderRecord[]> {
    return this.storedOrdersOf(positionId).map((o) => clonePlain(o));
  }

  /** The stored orders of a position, oldest first (insertion order among equal times). */
  private storedOrdersOf(positionId: string): OrderRecord[] {
    return [...(this.ordersByPosition.get(positionId) ?? [])].sort((a, b) => a.time - b.time);
  }

  async getOrder(orderId: string): Promise<OrderRecord | null> {
    const o = this.orders.get(orderId);
    return o ? clonePlain(o) : null;
  }

  protected async insertOrder(order: OrderRecord): Promise<boolean> {
    if (this.orders.has(order.orderId)) return false;
    const stored = clonePlain(order);
    this.orders.set(order.orderId, stored);
    const ofPosition = this.ordersByPosition.get(stored.positionId);
    if (ofPosition) ofPosition.push(stored);
    else this.ordersByPosition.set(stored.positionId, [stored]);
    if (stored.kind === "close") this.closeOrders.push(stored);
    this.partitions.delete(stored.positionId);
    return true;
  }

  protected async insertPosition(position: PositionRecord): Promise<void> {
    if (this.positions.has(position.positionId)) return;
    this.positions.set(position.positionId, clonePlain(position));
    this.partitions.delete(position.positionId);
  }

  protected async savePosition(position: PositionRecord): Promise<void> {
    this.positions.set(position.positionId, clonePlain(position));
    this.partitions.delete(position.positionId);
  }
}
