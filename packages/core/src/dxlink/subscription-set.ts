import type { EventType } from "./event-fields";
import type { SubscriptionEntry } from "./messages";

/** A change to the subscription set. */
export interface SubscriptionDiff {
  add: SubscriptionEntry[];
  remove: SubscriptionEntry[];
  /** Symbols with no subscription left (their book state can go). */
  droppedSymbols: string[];
}

/** The wanted (event type, symbol) pairs, grouped by symbol. */
export class SubscriptionSet {
  private readonly bySymbol = new Map<string, Set<EventType>>();
  private count = 0;

  /** (type, symbol) pairs. */
  get size(): number {
    return this.count;
  }

  /** Distinct symbols. */
  get symbolCount(): number {
    return this.bySymbol.size;
  }

  /** Adds entries; returns those that were new. */
  add(entries: Iterable<SubscriptionEntry>): SubscriptionEntry[] {
    const added: SubscriptionEntry[] = [];
    for (const e of entries) {
      let types = this.bySymbol.get(e.symbol);
      if (!types) {
        types = new Set();
        this.bySymbol.set(e.symbol, types);
      }
      if (types.has(e.type)) continue;
      types.add(e.type);
      this.count++;
      added.push({ type: e.type, symbol: e.symbol });
    }
    return added;
  }

  /** Removes entries; returns those that were present and the symbols left with none. */
  remove(entries: Iterable<SubscriptionEntry>): Omit<SubscriptionDiff, "add"> {
    const remove: SubscriptionEntry[] = [];
    const droppedSymbols: string[] = [];
    for (const e of entries) {
      const types = this.bySymbol.get(e.symbol);
      if (!types?.delete(e.type)) continue;
      this.count--;
      remove.push({ type: e.type, symbol: e.symbol });
      if (types.size === 0) {
        this.bySymbol.delete(e.symbol);
        droppedSymbols.push(e.symbol);
      }
    }
    return { remove, droppedSymbols };
  }

  /** Makes the set equal to `entries`; returns the difference. */
  replace(entries: Iterable<SubscriptionEntry>): SubscriptionDiff {
    const next = new SubscriptionSet();
    next.add(entries);
    const stale = this.entries().filter((e) => !next.has(e));
    const { remove, droppedSymbols } = this.remove(stale);
    const add = this.add(next.entries());
    return { add, remove, droppedSymbols };
  }

  has(e: SubscriptionEntry): boolean {
    return this.bySymbol.get(e.symbol)?.has(e.type) ?? false;
  }

  entries(): SubscriptionEntry[] {
    const out: SubscriptionEntry[] = [];
    for (const [symbol, types] of this.bySymbol) for (const type of types) out.push({ type, symbol });
    return out;
  }

  symbols(): string[] {
    return [...this.bySymbol.keys()];
  }
}
