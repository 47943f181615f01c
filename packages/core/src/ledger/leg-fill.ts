import type { Quote } from "../market-data/market-data-provider";
import type { TickSize } from "../market-data/option-chain";
import { fillSpread, type SpreadLegQuote } from "../pricing/spread-fill";
import type { PaperFillSettings } from "./paper-settings";

export { DEFAULT_INDEX_TICKS } from "../market-data/option-chain";

/** A reason an order was not filled or a position could not be priced. */
export interface Refusal {
  /** Machine code: a fill-model refusal (`stale-quote`, `spread-too-wide`, …) or `no-quote`, … */
  code: string;
  message: string;
  /** Streamer symbol of the leg concerned, when one. */
  leg?: string;
}

/** One leg of an order to fill: `sell` or `buy` this order, `ratio` contracts per spread. */
export interface OrderLegInput {
  streamerSymbol: string;
  action: "sell" | "buy";
  ratio: number;
}

/** The quote a leg was filled against and its price. */
export interface FilledLeg {
  streamerSymbol: string;
  /** USD per share. */
  bid?: number;
  ask?: number;
  /** When the quote was observed, ms since epoch. */
  quoteTime?: number;
  /** Quote age at the fill, milliseconds. */
  quoteAgeMs?: number;
  source?: Quote["source"];
  /** USD per share. */
  fillPrice: number;
  /** A worthless long (bid 0) valued at 0 and not traded: left to expire, no fees. */
  leftToExpire?: true;
}

/** Result of {@link fillOrderLegs}. */
export type OrderFill =
  | {
      ok: true;
      /** USD per share, tick-rounded; > 0 credit, < 0 debit. */ net: number;
      legs: FilledLeg[];
      notes: string[];
    }
  | { ok: false; reasons: Refusal[] };

/** Options of {@link fillOrderLegs}. */
export interface OrderFillOptions extends Pick<PaperFillSettings, "model" | "concession" | "maxQuoteAgeMs"> {
  /** Current time, ms since epoch. */
  now: number;
  /** Widest acceptable leg spread, USD per share (absent = no limit; closes use none). */
  maxSpreadWidth?: number;
  /** Widest acceptable leg spread as a fraction of its mid (absent = no limit). */
  maxSpreadPctOfMid?: number;
  /** Sell a long leg bid at 0 for 0 instead of refusing (closing: a worthless wing is left to expire). */
  abandonWorthless?: boolean;
}

/**
 * Fills an order's legs from quotes with the fill model: every leg needs a quote no older than
 * `maxQuoteAgeMs`; any refused leg refuses the whole order with every reason.
 */
export function fillOrderLegs(
  legs: readonly OrderLegInput[],
  quotes: ReadonlyMap<string, Quote>,
  ticks: readonly TickSize[],
  options: OrderFillOptions,
): OrderFill {
  const reasons: Refusal[] = [];
  const toFill: { index: number; leg: SpreadLegQuote }[] = [];
  const filled: FilledLeg[] = [];
  const notes: string[] = [];
  legs.forEach((leg, index) => {
    const q = quotes.get(leg.streamerSymbol);
    if (!q) {
      reasons.push({
        code: "no-quote",
        message: `no quote for ${leg.streamerSymbol}`,
        leg: leg.streamerSymbol,
      });
      return;
    }
    const ageMs = options.now - q.asOf;
    const entry: FilledLeg = {
      streamerSymbol: leg.streamerSymbol,
      bid: q.bid,
      ask: q.ask,
      quoteTime: q.asOf,
      quoteAgeMs: ageMs,
      source: q.source,
      fillPrice: 0,
    };
    filled[index] = entry;
    if (options.abandonWorthless && leg.action === "sell" && q.bid === 0 && ageMs <= options.maxQuoteAgeMs) {
      notes.push(`${leg.streamerSymbol}: bid 0, valued at 0 (left to expire)`);
      entry.leftToExpire = true;
      return;
    }
    const side = leg.action === "sell" ? "short" : "long";
    toFill.push({
      index,
      leg: { side, ratio: leg.ratio, bid: q.bid, ask: q.ask, quoteTime: q.asOf, label: leg.streamerSymbol },
    });
  });
  if (reasons.length > 0) return { ok: false, reasons };
  if (toFill.length === 0) return { ok: true, net: 0, legs: filled, notes };
  const r = fillSpread(
    toFill.map((x) => x.leg),
    ticks,
    {
      model: options.model,
      concession: options.concession,
      maxAgeMs: options.maxQuoteAgeMs,
      now: options.now,
      maxSpreadWidth: options.maxSpreadWidth,
      maxSpreadPctOfMid: options.maxSpreadPctOfMid,
    },
  );
  if (!r.ok)
    return {
      ok: false,
      reasons: r.reasons.map((x) => ({ code: x.code, message: `${x.leg}: ${x.message}`, leg: x.leg })),
    };
  toFill.forEach((x, i) => {
    // Leg fills are model prices (not tick-rounded); trim binary noise for the order log.
    (filled[x.index] as FilledLeg).fillPrice = Number((r.legPrices[i] as number).toFixed(6));
  });
  return { ok: true, net: r.net, legs: filled, notes: [...notes, ...r.notes] };
}
