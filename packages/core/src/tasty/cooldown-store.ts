import type { Clock } from "../time/clock";

/** A REST rate-limit cooldown on one symbol. */
export interface Cooldown {
  /** Symbol (underlying, index or OCC option symbol) that must not be requested. */
  symbol: string;
  /** End of the cooldown, ms since epoch. */
  until: number;
  /** Why, e.g. `http-429 GET /market-data/by-type`. */
  reason: string;
  /** When it was set, ms since epoch. */
  setAt: number;
}

/** A cooldown as stored, with its cleanup expiry (epoch seconds; never relied on). */
export interface StoredCooldown extends Cooldown {
  expiresAt: number;
}

/**
 * Port for REST cooldowns. Expiry is decided here, in code, from `until` and the clock: an engine's
 * TTL (absent in dynalite, lazy in DynamoDB) only cleans up.
 */
export abstract class CooldownStore {
  constructor(protected readonly clock: Clock) {}

  /**
   * Puts `symbol` in cooldown for `windowMs` from now. An existing longer cooldown is kept
   * (the later `until` wins). Returns the cooldown now in force.
   */
  async start(symbol: string, windowMs: number, reason: string): Promise<Cooldown> {
    const now = this.clock.now();
    const existing = await this.active(symbol);
    const until = Math.max(now + windowMs, existing?.until ?? 0);
    const rec: StoredCooldown = {
      symbol,
      until,
      reason,
      setAt: now,
      expiresAt: Math.ceil(until / 1000) + 3_600,
    };
    await this.save(rec);
    return strip(rec);
  }

  /** The cooldown in force for `symbol`, or null when none or expired. */
  async active(symbol: string): Promise<Cooldown | null> {
    const rec = await this.load(symbol);
    if (!rec || rec.until <= this.clock.now()) return null;
    return strip(rec);
  }

  /** Symbols of `symbols` currently in cooldown, with their entries. */
  async activeMany(symbols: readonly string[]): Promise<Map<string, Cooldown>> {
    const out = new Map<string, Cooldown>();
    const recs = await Promise.all([...new Set(symbols)].map((s) => this.active(s)));
    for (const r of recs) if (r) out.set(r.symbol, r);
    return out;
  }

  /** Adapter: store (overwrite) a cooldown. */
  protected abstract save(rec: StoredCooldown): Promise<void>;
  /** Adapter: load the stored cooldown of a symbol, expired or not. */
  protected abstract load(symbol: string): Promise<StoredCooldown | null>;
}

function strip(rec: StoredCooldown): Cooldown {
  return { symbol: rec.symbol, until: rec.until, reason: rec.reason, setAt: rec.setAt };
}
