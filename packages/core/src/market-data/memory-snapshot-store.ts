import { SnapshotStore, type StoredSnapshot } from "./snapshot-store";

/** In-memory SnapshotStore for tests and single-process runs. */
export class MemorySnapshotStore extends SnapshotStore {
  private readonly records = new Map<string, StoredSnapshot>();

  protected async saveMany(records: readonly StoredSnapshot[]): Promise<void> {
    for (const r of records) this.records.set(r.symbol, structuredClone(r));
  }

  protected async loadMany(symbols: readonly string[]): Promise<Map<string, StoredSnapshot>> {
    const out = new Map<string, StoredSnapshot>();
    for (const s of symbols) {
      const r = this.records.get(s);
      if (r) out.set(s, structuredClone(r));
    }
    return out;
  }
}
