import type { MarketBook } from "../dxlink/market-book";

/** When each kind of subscribed symbol last had an event, and the recent event rate. */
export interface StreamFreshness {
  /** Newest event of any subscribed underlying, ms since epoch (null: none yet). */
  underlyingsLastEventAt: number | null;
  /** Newest event of any subscribed option (`.`-prefixed streamer symbol), ms since epoch. */
  optionsLastEventAt: number | null;
  /** Subscribed underlyings / options. */
  underlyings: number;
  options: number;
  /** Events applied over the trailing minute, per minute (null until 10 s of samples). */
  eventsPerMinute: number | null;
}

/** DXLink option symbols start with a dot (`.SPXW261218P5800`); underlyings do not. */
export const isOptionSymbol = (symbol: string): boolean => symbol.startsWith(".");

/** Newest event time per kind over the subscribed symbols of the book. */
export function lastEventsByKind(
  book: MarketBook,
  symbols: readonly string[],
): Omit<StreamFreshness, "eventsPerMinute"> {
  let underlyingsLastEventAt: number | null = null;
  let optionsLastEventAt: number | null = null;
  let underlyings = 0;
  let options = 0;
  for (const s of symbols) {
    const at = book.get(s)?.updatedAt ?? null;
    if (isOptionSymbol(s)) {
      options++;
      if (at !== null && (optionsLastEventAt === null || at > optionsLastEventAt)) optionsLastEventAt = at;
    } else {
      underlyings++;
      if (at !== null && (underlyingsLastEventAt === null || at > underlyingsLastEventAt))
        underlyingsLastEventAt = at;
    }
  }
  return { underlyingsLastEventAt, optionsLastEventAt, underlyings, options };
}

/**
 * Events per minute over a trailing window, from (time, running total) samples taken at each
 * heartbeat: no per-event work.
 */
export class EventRate {
  private readonly samples: { at: number; total: number }[] = [];

  /** @param windowMs trailing window, ms (default one minute) */
  constructor(private readonly windowMs = 60_000) {}

  /** Records the running event total at `at` (ms) and returns the rate per minute, or null. */
  sample(at: number, total: number): number | null {
    this.samples.push({ at, total });
    while ((this.samples[1]?.at ?? Infinity) <= at - this.windowMs && this.samples.length > 2)
      this.samples.shift();
    const first = this.samples[0] ?? { at, total };
    const span = at - first.at;
    if (span < 10_000) return null;
    return Math.round(((total - first.total) * 60_000) / span);
  }
}

/** A kind of streamed symbol. */
export type StreamKind = "underlyings" | "options";

/**
 * The subscribed kinds with no event for more than `staleAfterMs` at `now` (ms): a connected
 * socket that delivers nothing is stale, not healthy. A kind with no subscribed symbol is never
 * stale.
 */
export function staleKinds(
  f: Omit<StreamFreshness, "eventsPerMinute">,
  now: number,
  staleAfterMs: number,
): StreamKind[] {
  const out: StreamKind[] = [];
  const stale = (at: number | null) => at === null || now - at > staleAfterMs;
  if (f.underlyings > 0 && stale(f.underlyingsLastEventAt)) out.push("underlyings");
  if (f.options > 0 && stale(f.optionsLastEventAt)) out.push("options");
  return out;
}
