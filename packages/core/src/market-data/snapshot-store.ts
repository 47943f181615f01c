import type { Clock } from "../time/clock";
import type { Snapshot } from "./snapshot";
import { snapshotAgeMs } from "./snapshot";

/** Options for reading a snapshot. */
export interface MaxAge {
  /** Oldest acceptable snapshot, milliseconds; older ones read as null. */
  maxAgeMs: number;
}

/** A snapshot as stored, with its cleanup expiry. */
export interface StoredSnapshot extends Snapshot {
  /** Epoch seconds after which the engine may delete it (cleanup only; freshness is checked in code). */
  expiresAt?: number;
}

/**
 * Port for per-symbol snapshots. The freshness policy (max age, TTL stamping) lives here once;
 * adapters only store and load records.
 */
export abstract class SnapshotStore {
  /**
   * @param clock - time source for max-age checks
   * @param ttlSeconds - cleanup expiry stamped on each write (default 1 day)
   */
  constructor(
    protected readonly clock: Clock,
    protected readonly ttlSeconds = 86_400,
  ) {}

  /** Writes many snapshots (batched by the adapter). Last write per symbol wins. */
  async putMany(snapshots: readonly Snapshot[]): Promise<void> {
    if (snapshots.length === 0) return;
    const latest = new Map<string, StoredSnapshot>();
    for (const s of snapshots) {
      latest.set(s.symbol, { ...s, expiresAt: Math.floor(s.writtenAt / 1000) + this.ttlSeconds });
    }
    await this.saveMany([...latest.values()]);
  }

  /** The snapshot of `symbol` if written within `maxAgeMs`, else null. */
  async get(symbol: string, opts: MaxAge): Promise<Snapshot | null> {
    const map = await this.getMany([symbol], opts);
    return map.get(symbol) ?? null;
  }

  /** Fresh snapshots for the symbols that have one; stale and missing symbols are absent. */
  async getMany(symbols: readonly string[], opts: MaxAge): Promise<Map<string, Snapshot>> {
    const unique = [...new Set(symbols)];
    if (unique.length === 0) return new Map();
    const loaded = await this.loadMany(unique);
    const now = this.clock.now();
    const out = new Map<string, Snapshot>();
    for (const [sym, rec] of loaded) {
      if (snapshotAgeMs(rec, now) <= opts.maxAgeMs) out.set(sym, stripStorage(rec));
    }
    return out;
  }

  /** Adapter: store records (overwriting by symbol). */
  protected abstract saveMany(records: readonly StoredSnapshot[]): Promise<void>;
  /** Adapter: load whatever records exist for the symbols, regardless of age. */
  protected abstract loadMany(symbols: readonly string[]): Promise<Map<string, StoredSnapshot>>;
}

function stripStorage(rec: StoredSnapshot): Snapshot {
  const { expiresAt: _e, ...snap } = rec;
  return snap;
}
