import type { Clock } from "../time/clock";
import { CooldownStore, type StoredCooldown } from "./cooldown-store";

/**
 * A cooldown store for read-only workloads (the GET routes): it honours the shared cooldowns of
 * `shared` but keeps the cooldowns it starts itself in memory, so it needs no write permission.
 */
export class LocalWriteCooldownStore extends CooldownStore {
  private readonly local = new Map<string, StoredCooldown>();

  constructor(
    private readonly shared: CooldownStore,
    clock: Clock,
  ) {
    super(clock);
  }

  protected save(rec: StoredCooldown): Promise<void> {
    this.local.set(rec.symbol, { ...rec });
    return Promise.resolve();
  }

  protected async load(symbol: string): Promise<StoredCooldown | null> {
    const mine = this.local.get(symbol);
    const theirs = await this.shared.active(symbol);
    const fromShared = theirs ? { ...theirs, expiresAt: Math.ceil(theirs.until / 1000) } : null;
    if (!mine) return fromShared;
    return fromShared && fromShared.until > mine.until ? fromShared : { ...mine };
  }
}
