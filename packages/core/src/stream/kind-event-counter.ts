import type { MarketBook } from "../dxlink/market-book";
import { isOptionSymbol, type StreamKind } from "./stream-freshness";

/** Events applied per kind of subscribed symbol (a kind with no subscribed symbol is absent). */
export type EventsByKind = Partial<Record<StreamKind, number>>;

/**
 * Counts the events applied to the subscribed symbols of each kind between two readings, from the
 * book's per-symbol event counters (`version`): no per-event work. A symbol cleared by an
 * unsubscribe starts its counter again at 0, so a counter below its last reading counts from 0.
 */
export class KindEventCounter {
  private last = new Map<string, number>();

  /** Events per kind since the previous call (since the task started, on the first). */
  take(book: Pick<MarketBook, "get">, symbols: readonly string[]): EventsByKind {
    const out: EventsByKind = {};
    const next = new Map<string, number>();
    for (const symbol of symbols) {
      const kind: StreamKind = isOptionSymbol(symbol) ? "options" : "underlyings";
      const version = book.get(symbol)?.version ?? 0;
      const before = this.last.get(symbol) ?? 0;
      out[kind] = (out[kind] ?? 0) + (version >= before ? version - before : version);
      next.set(symbol, version);
    }
    this.last = next;
    return out;
  }
}
