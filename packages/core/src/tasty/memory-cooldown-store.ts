import { CooldownStore, type StoredCooldown } from "./cooldown-store";

/** In-memory CooldownStore. */
export class MemoryCooldownStore extends CooldownStore {
  private readonly records = new Map<string, StoredCooldown>();

  protected async save(rec: StoredCooldown): Promise<void> {
    this.records.set(rec.symbol, { ...rec });
  }

  protected async load(symbol: string): Promise<StoredCooldown | null> {
    const r = this.records.get(symbol);
    return r ? { ...r } : null;
  }
}
