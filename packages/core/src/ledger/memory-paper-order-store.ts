import type { OrderRecord, PositionRecord } from "./order-types";
import { PaperOrderStore } from "./paper-order-store";
import type { PendingOrder } from "./pending-order";
import { MemoryClaimStore } from "./memory-claim-store";

/** In-memory PaperOrderStore. */
export class MemoryPaperOrderStore extends PaperOrderStore {
  private readonly orders = new Map<string, OrderRecord>();
  private readonly positions = new Map<string, PositionRecord>();
  readonly claims = new MemoryClaimStore();
  private readonly pending = new Map<string, PendingOrder>();

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

  async getPosition(positionId: string): Promise<PositionRecord | null> {
    const p = this.positions.get(positionId);
    return p ? structuredClone(p) : null;
  }

  async listOpenPositions(): Promise<PositionRecord[]> {
    return [...this.positions.values()]
      .filter((p) => p.status === "open")
      .sort((a, b) => a.openedAt - b.openedAt)
      .map((p) => structuredClone(p));
  }

  async listClosedPositions(): Promise<PositionRecord[]> {
    return [...this.positions.values()].filter((p) => p.status === "closed").map((p) => structuredClone(p));
  }

  async listRecentOrders(limit: number): Promise<OrderRecord[]> {
    return [...this.orders.values()]
      .sort((a, b) => b.time - a.time)
      .slice(0, limit)
      .map((o) => structuredClone(o));
  }

  async ordersOf(positionId: string): Promise<OrderRecord[]> {
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

  protected async markClosed(position: PositionRecord): Promise<void> {
    this.positions.set(position.positionId, structuredClone(position));
  }
}
