import { tickFor, type TickSize } from "../market-data/option-chain";
import { fillPriceFromQuotes, type FillOptions, type FillRefusal } from "./fill-model";
import { allocateCents, type CentsLeg } from "./leg-cents";

/** One leg to fill as part of a spread. */
export interface SpreadLegQuote {
  side: "short" | "long";
  /** Contracts per spread. */
  ratio: number;
  /** USD per share. */
  bid?: number;
  ask?: number;
  /** ms since epoch. */
  quoteTime?: number;
  /** Label for refusal messages (e.g. the streamer symbol). */
  label: string;
}

/** Result of filling a multi-leg spread. */
export type SpreadFill =
  | {
      ok: true;
      /** Net price of one spread, USD per share, tick-rounded; positive = credit, negative = debit. */
      net: number;
      /** Unrounded net from the per-leg fills, USD per share. */
      rawNet: number;
      /** Per-leg fill prices, USD per share in whole cents, in input order; Σ (± ratio × price) = net exactly. */
      legPrices: number[];
      notes: string[];
    }
  | { ok: false; reasons: { leg: string; code: FillRefusal; message: string }[] };

/**
 * Fills every leg with the fill model and nets them: credit = Σ short fills − Σ long fills (× ratio).
 * Rounding is always against the trader, with either model: each leg to whole cents (a sold leg
 * down, a bought leg up), the net down to the root's tick (a credit smaller, a debit larger), the
 * remainder moved onto the legs so they add up to the net in integer cents (see `allocateCents`).
 * Any refused leg refuses the whole spread with every leg's reasons.
 */
export function fillSpread(
  legs: readonly SpreadLegQuote[],
  ticks: readonly TickSize[],
  options: FillOptions = {},
): SpreadFill {
  const reasons: { leg: string; code: FillRefusal; message: string }[] = [];
  const cents: CentsLeg[] = [];
  const notes: string[] = [];
  let rawNet = 0;
  for (const leg of legs) {
    // Object.assign, not a spread: V8 copies `{ ...a, b }` slowly and a scan fills thousands of legs.
    const legOptions: FillOptions = Object.assign({}, options, { quoteTime: leg.quoteTime });
    const r = fillPriceFromQuotes(leg.side, leg.bid, leg.ask, legOptions);
    if (!r.ok) {
      for (const x of r.reasons) reasons.push({ leg: leg.label, ...x });
      continue;
    }
    cents.push({ side: leg.side, ratio: leg.ratio, price: r.price, bid: leg.bid, ask: leg.ask });
    notes.push(...r.notes.map((n) => `${leg.label}: ${n}`));
    rawNet += (leg.side === "short" ? 1 : -1) * leg.ratio * r.price;
  }
  if (reasons.length > 0) return { ok: false, reasons };
  const { legCents, netCents } = allocateCents(cents, (abs) => tickFor(ticks, abs / 100) * 100);
  const legPrices = legCents.map((c) => c / 100);
  const net = netCents / 100;
  return { ok: true, net, rawNet, legPrices, notes };
}
