import {
  dayStats,
  parseStreamerSymbol,
  rootSpec,
  underlyingSpec,
  type DayStats,
  type SyntheticMarket,
} from "../market";
import type { EventType } from "./event-fields";
import type { EventContext, EventRecord } from "./event-records";
import { indexEvent } from "./index-events";
import { optionEvent } from "./option-events";

export type { EventRecord } from "./event-records";

const MINUTE_MS = 60_000;

/**
 * Builds the current event of a type for a symbol from the synthetic market, or null when the
 * symbol has no such events (unknown symbol, Greeks of an index, …). Day statistics are cached
 * per symbol and minute.
 */
export class EventSource {
  private readonly stats = new Map<string, DayStats>();
  private readonly ctx: EventContext;

  constructor(market: SyntheticMarket) {
    this.ctx = {
      market,
      statsOf: (symbol, now, priceAt, stepMs) => this.statsOf(symbol, now, priceAt, stepMs),
    };
  }

  event(type: EventType, symbol: string, now: number): EventRecord | null {
    if (underlyingSpec(symbol) && symbol === symbol.toUpperCase())
      return indexEvent(this.ctx, type, symbol, now);
    const id = parseStreamerSymbol(symbol);
    if (id && rootSpec(id.root)) return optionEvent(this.ctx, type, symbol, id, now);
    return null;
  }

  private statsOf(symbol: string, now: number, priceAt: (ms: number) => number, stepMs?: number): DayStats {
    const key = `${symbol}@${Math.floor(now / MINUTE_MS)}`;
    let s = this.stats.get(key);
    if (!s) {
      if (this.stats.size > 5000) this.stats.clear();
      s = dayStats(priceAt, now, stepMs);
      this.stats.set(key, s);
    }
    return s;
  }
}
