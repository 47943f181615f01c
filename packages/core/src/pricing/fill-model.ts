import type { PriceSource } from "../market-data/market-data-provider";

/** `mid` fills at the midpoint; `conservative` fills shorts toward the bid and longs toward the ask. */
export type FillModel = "mid" | "conservative";

/** Options of {@link fillPriceFromQuotes}. */
export interface FillOptions {
  /** Default `mid`. */
  model?: FillModel;
  /** Share of the bid/ask spread given up by the conservative model (default 0.3). */
  concession?: number;
  /** Widest acceptable spread, USD per share (absent = no absolute limit). */
  maxSpreadWidth?: number;
  /** Widest acceptable spread as a fraction of the mid (absent = no relative limit). */
  maxSpreadPctOfMid?: number;
  /** Quote time, ms since epoch (needed with `maxAgeMs`). */
  quoteTime?: number;
  /** Current time, ms since epoch (needed with `maxAgeMs`). */
  now?: number;
  /** Oldest acceptable quote, milliseconds. */
  maxAgeMs?: number;
  /** Where the quote came from; a TA hint is never filled. */
  source?: PriceSource;
}

/** Machine-readable reasons a fill was refused. */
export type FillRefusal =
  | "missing-bid"
  | "missing-ask"
  | "negative-price"
  | "crossed-quote"
  | "zero-ask"
  | "zero-bid-short"
  | "spread-too-wide"
  | "stale-quote"
  | "ta-hint-price";

/** Result of a fill attempt: a price, or every reason it was refused. */
export type FillResult =
  | { ok: true; price: number; notes: string[] }
  | { ok: false; reasons: { code: FillRefusal; message: string }[] };

const finite = (x: number | undefined | null): x is number => typeof x === "number" && Number.isFinite(x);

/**
 * The price (USD per share) a paper order fills at for one leg, from its bid and ask.
 *
 * - `mid`: (bid + ask) / 2. `conservative`: a short (sell) fills at bid + c·(ask − bid), a long
 *   (buy) at ask − c·(ask − bid), with c = `concession` (0.3).
 * - bid == ask > 0 (a locked quote) fills at that price: nothing is invented.
 * - Refused, never invented: a missing bid or ask, a crossed quote (bid > ask), an ask of 0 (no
 *   market), selling into a zero bid, a spread wider than the limits, a quote older than `maxAgeMs`,
 *   and any TA-hint price. Every applicable reason is returned.
 */
export function fillPriceFromQuotes(
  side: "short" | "long",
  bid: number | undefined | null,
  ask: number | undefined | null,
  options: FillOptions = {},
): FillResult {
  const reasons: { code: FillRefusal; message: string }[] = [];
  const refuse = (code: FillRefusal, message: string): void => void reasons.push({ code, message });
  if (options.source === "ta-hint") refuse("ta-hint-price", "a TA-hint price is advisory and never filled");
  if (!finite(bid)) refuse("missing-bid", "no bid");
  if (!finite(ask)) refuse("missing-ask", "no ask");
  if (options.maxAgeMs !== undefined) {
    const age = finite(options.quoteTime) && finite(options.now) ? options.now - options.quoteTime : Infinity;
    if (!(age <= options.maxAgeMs)) {
      refuse(
        "stale-quote",
        `quote age ${Number.isFinite(age) ? `${age}ms` : "unknown"} > max ${options.maxAgeMs}ms`,
      );
    }
  }
  if (finite(bid) && finite(ask)) {
    if (bid < 0 || ask < 0) refuse("negative-price", `negative quote ${bid}/${ask}`);
    else if (bid > ask) refuse("crossed-quote", `crossed quote: bid ${bid} > ask ${ask}`);
    else if (ask === 0) refuse("zero-ask", "ask is 0: no market");
    else if (side === "short" && bid === 0) refuse("zero-bid-short", "bid is 0: nothing to sell into");
    else {
      const width = ask - bid;
      const mid = (bid + ask) / 2;
      if (options.maxSpreadWidth !== undefined && width > options.maxSpreadWidth + 1e-12) {
        refuse("spread-too-wide", `spread ${width.toFixed(2)} > max ${options.maxSpreadWidth}`);
      } else if (options.maxSpreadPctOfMid !== undefined && width > options.maxSpreadPctOfMid * mid + 1e-12) {
        refuse(
          "spread-too-wide",
          `spread ${(width / mid).toFixed(3)} of mid > max ${options.maxSpreadPctOfMid}`,
        );
      }
    }
  }
  if (reasons.length > 0 || !finite(bid) || !finite(ask)) return { ok: false, reasons };
  const width = ask - bid;
  const notes = width === 0 ? ["locked quote (bid == ask): filled at the quote"] : [];
  if ((options.model ?? "mid") === "mid") return { ok: true, price: (bid + ask) / 2, notes };
  const c = options.concession ?? 0.3;
  if (!(c >= 0 && c <= 0.5)) throw new RangeError(`concession must be within [0, 0.5], got ${c}`);
  return { ok: true, price: side === "short" ? bid + c * width : ask - c * width, notes };
}
