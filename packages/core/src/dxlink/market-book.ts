import type { Greeks, Snapshot } from "../market-data/snapshot";
import type { RowStage } from "./row-stage";
import { MAX_SLOTS } from "./event-fields";
import { ByteTable, latin1 } from "./byte-table";

/**
 * Latest coalesced state of one symbol. Numbers are NaN when absent (never subscribed, or sent as
 * "NaN"); a new event of a type replaces all of that type's fields. Mutated in place by the
 * decoder: no allocation per event.
 */
export class SymbolState {
  /** Best bid / ask, USD per share. */
  bid = NaN;
  ask = NaN;
  /** Sizes, contracts or shares. */
  bidSize = NaN;
  askSize = NaN;
  /** Last trade, USD per share. */
  last = NaN;
  /** Implied volatility, annualised fraction. */
  iv = NaN;
  /** Theoretical price, USD per share. */
  theo = NaN;
  delta = NaN;
  gamma = NaN;
  /** USD per share per day. */
  theta = NaN;
  rho = NaN;
  vega = NaN;
  /** Previous session close, USD per share. */
  prevClose = NaN;
  /** Newest event time, ms since epoch (receive time when the feed sent 0). */
  eventTime = 0;
  /** When the newest event for this symbol was received, ms since epoch. */
  updatedAt = 0;
  /** Incremented on every event (change detection for the writer); 0 = no event yet. */
  version = 0;
  /** Set while the symbol is unsubscribed: late events for it are dropped until revived. */
  removed = false;

  constructor(readonly symbol: string) {}

  /** Forgets every value (as if no event had arrived). */
  clear(): void {
    this.bid = this.ask = this.bidSize = this.askSize = this.last = NaN;
    this.iv = this.theo = this.delta = this.gamma = this.theta = this.rho = this.vega = NaN;
    this.prevClose = NaN;
    this.eventTime = this.updatedAt = this.version = 0;
  }
}

/**
 * The latest state of every symbol seen on the feed. One state object per symbol for the life of
 * the book (the byte scanner caches them), so unsubscribing clears and marks a state instead of
 * dropping it.
 */
export class MarketBook {
  private readonly states = new Map<string, SymbolState>();
  /** Symbol bytes → state, so the byte scanner resolves a row without creating a string. */
  private readonly byBytes = new ByteTable<SymbolState>();

  /** Number of symbol states held (including cleared ones). */
  get size(): number {
    return this.states.size;
  }

  /** The state of a subscribed symbol that has had at least one event. */
  get(symbol: string): SymbolState | undefined {
    const st = this.states.get(symbol);
    return st && st.version > 0 && !st.removed ? st : undefined;
  }

  /** The state of `symbol`, created empty when new (decoder use). */
  stateFor(symbol: string): SymbolState {
    let st = this.states.get(symbol);
    if (st === undefined) {
      st = new SymbolState(symbol);
      this.states.set(symbol, st);
    }
    return st;
  }

  /**
   * The state of the ASCII symbol `b[start, end)` (`dv` views the same bytes) with
   * `hash = symbolHash(...)` (byte scanner use).
   */
  stateForBytes(
    b: Uint8Array,
    dv: DataView<ArrayBufferLike>,
    start: number,
    end: number,
    hash: number,
  ): SymbolState {
    const i = this.byBytes.find(b, dv, start, end, hash);
    if (i >= 0) return this.byBytes.at(i);
    const st = this.stateFor(latin1(b, start, end));
    this.byBytes.add(b, start, end, hash, st);
    return st;
  }

  /** Every state, including empty and unsubscribed ones (check `version` and `removed`). */
  values(): IterableIterator<SymbolState> {
    return this.states.values();
  }

  /** Clears a symbol after it is unsubscribed; events still in flight for it are dropped. */
  delete(symbol: string): void {
    const st = this.states.get(symbol);
    if (!st) return;
    st.clear();
    st.removed = true;
  }

  /** Accepts events for a symbol again (after it is subscribed anew). */
  revive(symbol: string): void {
    const st = this.states.get(symbol);
    if (st) st.removed = false;
  }

  /** Folds every valid staged row into the book; returns the number of events applied. */
  commit(stage: RowStage, receivedAt: number): number {
    const n = stage.nums;
    let applied = 0;
    for (let i = 0; i < stage.count; i++) {
      const st = stage.states[i];
      if (st === null || st === undefined || st.removed) continue;
      const o = i * MAX_SLOTS;
      switch (stage.typeIds[i]) {
        case 0: // Quote: eventTime, bidPrice, askPrice, bidSize, askSize
          st.bid = n[o + 1]!;
          st.ask = n[o + 2]!;
          st.bidSize = n[o + 3]!;
          st.askSize = n[o + 4]!;
          break;
        case 1: // Greeks: eventTime, price, volatility, delta, gamma, theta, rho, vega
          st.theo = n[o + 1]!;
          st.iv = n[o + 2]!;
          st.delta = n[o + 3]!;
          st.gamma = n[o + 4]!;
          st.theta = n[o + 5]!;
          st.rho = n[o + 6]!;
          st.vega = n[o + 7]!;
          break;
        case 2: // Summary: eventTime, prevDayClosePrice
          st.prevClose = n[o + 1]!;
          break;
        default: // Trade: eventTime, price
          st.last = n[o + 1]!;
      }
      const et = n[o]!;
      st.eventTime = et > 0 ? et : receivedAt;
      st.updatedAt = receivedAt;
      st.version++;
      applied++;
    }
    return applied;
  }
}

/** The {@link Snapshot} of a state, absent fields omitted, stamped with `writtenAt` (ms). */
export function toSnapshot(st: SymbolState, writtenAt: number): Snapshot {
  const s: Snapshot = { symbol: st.symbol, eventTime: st.eventTime, writtenAt };
  if (Number.isFinite(st.bid)) s.bid = st.bid;
  if (Number.isFinite(st.ask)) s.ask = st.ask;
  // Rounded to 1e-8 so the mid of two tick prices carries no binary noise (5902.4400000000005).
  if (s.bid !== undefined && s.ask !== undefined) s.mid = Math.round(((s.bid + s.ask) / 2) * 1e8) / 1e8;
  if (Number.isFinite(st.bidSize)) s.bidSize = st.bidSize;
  if (Number.isFinite(st.askSize)) s.askSize = st.askSize;
  if (Number.isFinite(st.last)) s.last = st.last;
  if (Number.isFinite(st.iv)) s.iv = st.iv;
  const g: Greeks = {};
  let any = false;
  for (const k of ["delta", "gamma", "theta", "vega", "rho", "theo"] as const) {
    const v = st[k];
    if (Number.isFinite(v)) {
      g[k] = v;
      any = true;
    }
  }
  if (any) s.greeks = g;
  if (Number.isFinite(st.prevClose)) s.prevClose = st.prevClose;
  return s;
}
