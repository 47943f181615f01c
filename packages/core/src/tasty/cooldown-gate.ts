import type { Log } from "../log/log";
import type { Cooldown, CooldownStore } from "./cooldown-store";

/** Default REST cooldown after an HTTP 429, ms. */
export const DEFAULT_COOLDOWN_MS = 60_000;

/**
 * The REST side of rate limiting: asks the CooldownStore which symbols may be requested, and on a
 * 429 starts a cooldown for every symbol of the call. Keys are symbols, or `rest:<path>` for calls
 * without one (token, accounts). A store failure never blocks REST (it is logged).
 */
export class RestCooldownGate {
  constructor(
    private readonly store: CooldownStore,
    private readonly log: Log,
    /** Cooldown window after a 429, ms. */
    readonly windowMs: number = DEFAULT_COOLDOWN_MS,
  ) {}

  /** Splits keys into those that may be requested and the cooldowns of the others. */
  async split(keys: readonly string[]): Promise<{ allowed: string[]; cooled: Cooldown[] }> {
    let active: Map<string, Cooldown>;
    try {
      active = await this.store.activeMany(keys);
    } catch (err) {
      this.log.warn("rest.cooldown-unavailable", { error: err as Error });
      return { allowed: [...new Set(keys)], cooled: [] };
    }
    const allowed = [...new Set(keys)].filter((k) => !active.has(k));
    return { allowed, cooled: [...active.values()] };
  }

  /**
   * Records a 429 on `keys`: logs `rest.429` once per key per window (keys already cooling are
   * not logged again) and writes the cooldowns. Returns the cooldowns in force.
   */
  async trip(keys: readonly string[], endpoint: string): Promise<Cooldown[]> {
    const reason = `http-429 ${endpoint}`;
    const unique = [...new Set(keys)];
    try {
      const already = await this.store.activeMany(unique);
      const fresh = unique.filter((k) => !already.has(k));
      const out = await Promise.all(unique.map((k) => this.store.start(k, this.windowMs, reason)));
      if (fresh.length > 0) {
        this.log.warn("rest.429", {
          endpoint,
          symbols: fresh.slice(0, 20),
          count: fresh.length,
          windowMs: this.windowMs,
          until: out[0]?.until,
        });
      }
      return out;
    } catch (err) {
      this.log.warn("rest.429", { endpoint, symbols: unique.slice(0, 20), count: unique.length });
      this.log.warn("rest.cooldown-unavailable", { error: err as Error });
      return [];
    }
  }
}
