import { roundToTick, tickFor, type TickSize } from "../market-data/option-chain";
import { fillPriceFromQuotes, type FillOptions, type FillRefusal } from "./fill-model";

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
      /** Per-leg fill prices, USD per share, in input order. */
      legPrices: number[];
      notes: string[];
    }
  | { ok: false; reasons: { leg: string; code: FillRefusal; message: string }[] };

/**
 * Fills every leg with the fill model and nets them: credit = Σ short fills − Σ long fills (× ratio).
 * The net is rounded to the root's tick: to the nearest tick with the `mid` model; with the
 * `conservative` model a credit rounds down and a debit rounds up (never better than the legs).
 * Any refused leg refuses the whole spread with every leg's reasons.
 */
export function fillSpread(
  legs: readonly SpreadLegQuote[],
  ticks: readonly TickSize[],
  options: FillOptions = {},
): SpreadFill {
  const reasons: { leg: string; code: FillRefusal; message: string }[] = [];
  const legPrices: number[] = [];
  const notes: string[] = [];
  let rawNet = 0;
  for (const leg of legs) {
    const r = fillPriceFromQuotes(leg.side, leg.bid, leg.ask, { ...options, quoteTime: leg.quoteTime });
    if (!r.ok) {
      for (const x of r.reasons) reasons.push({ leg: leg.label, ...x });
      continue;
    }
    legPrices.push(r.price);
    notes.push(...r.notes.map((n) => `${leg.label}: ${n}`));
    rawNet += (leg.side === "short" ? 1 : -1) * leg.ratio * r.price;
  }
  if (reasons.length > 0) return { ok: false, reasons };
  const tick = tickFor(ticks, Math.abs(rawNet));
  let net: number;
  if ((options.model ?? "mid") === "conservative") {
    const steps = rawNet >= 0 ? Math.floor(rawNet / tick + 1e-9) : Math.ceil(rawNet / tick - 1e-9);
    net = Number((steps * tick).toFixed(6));
  } else {
    net = roundToTick(rawNet, tick);
  }
  return { ok: true, net, rawNet, legPrices, notes };
}
