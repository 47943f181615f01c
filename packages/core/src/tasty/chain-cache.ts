import type { OptionChain } from "../market-data/option-chain";
import type { Clock } from "../time/clock";
import { nyDate } from "../time/new-york";

/**
 * Option chains cached per trading day (the NY date of the clock): strikes and expirations do not
 * change intraday, so one fetch per underlying per day. Concurrent misses share one fetch.
 */
export class ChainCache {
  private readonly entries = new Map<string, { day: string; chain: OptionChain }>();
  private readonly inflight = new Map<string, Promise<OptionChain>>();

  constructor(private readonly clock: Clock) {}

  /** The cached chain of today, or the result of `load` (cached on success). */
  async get(underlying: string, load: (day: string) => Promise<OptionChain>): Promise<OptionChain> {
    const day = nyDate(this.clock.now());
    const hit = this.entries.get(underlying);
    if (hit && hit.day === day) return hit.chain;
    const key = `${underlying}|${day}`;
    let p = this.inflight.get(key);
    if (!p) {
      p = load(day)
        .then((chain) => {
          this.entries.set(underlying, { day, chain });
          return chain;
        })
        .finally(() => this.inflight.delete(key));
      this.inflight.set(key, p);
    }
    return p;
  }
}
