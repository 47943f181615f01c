import { StatusStore, type StatusRecord } from "./status-store";

/** In-memory StatusStore. */
export class MemoryStatusStore extends StatusStore {
  private readonly records = new Map<string, StatusRecord>();

  protected async save(rec: StatusRecord): Promise<void> {
    this.records.set(rec.id, structuredClone(rec));
  }

  protected async load(id: string): Promise<StatusRecord | null> {
    const r = this.records.get(id);
    return r ? structuredClone(r) : null;
  }
}
