import { AlertStore, type AlertRecord } from "./alert-store";

/** In-memory AlertStore. */
export class MemoryAlertStore extends AlertStore {
  private readonly records = new Map<string, AlertRecord>();

  async release(alertKey: string): Promise<void> {
    this.records.delete(alertKey);
  }

  async recent(limit: number): Promise<AlertRecord[]> {
    return [...this.records.values()]
      .sort((a, b) => b.sentAt - a.sentAt)
      .slice(0, limit)
      .map((a) => structuredClone(a));
  }

  protected async insertIfAbsent(alert: AlertRecord): Promise<boolean> {
    if (this.records.has(alert.alertKey)) return false;
    this.records.set(alert.alertKey, structuredClone(alert));
    return true;
  }

  protected async load(alertKey: string): Promise<AlertRecord | null> {
    const r = this.records.get(alertKey);
    return r ? structuredClone(r) : null;
  }
}
