import type { TickSize } from "../market-data/option-chain";
import type { FillOptions } from "../pricing/fill-model";
import { fillSpread } from "../pricing/spread-fill";
import type { TargetRange } from "./config-types";
import type { ExpirationChoice } from "./expiration-select";
import { findStrike, spreadLeg, type ExpiryModel, type PricedOption } from "./priced-option";
import type { QuoteBook } from "./quote-book";
import { StrikeWindow } from "./strike-window";

/** Short strikes tried, best delta first, when a better one has no wing or no fill. */
const MAX_TRIES = 6;

/** One vertical of a strategy: sell `right` near the delta target, buy `width` points further out. */
export interface SideRule {
  right: "C" | "P";
  /** Index points. */
  width: number;
  /** Absolute delta of the short strike. */
  delta: TargetRange;
}

/** Market inputs of a side selection. */
export interface SideInputs {
  choice: ExpirationChoice;
  model: ExpiryModel;
  /** Starting volatility for aiming the strike window (IV index or a default), fraction. */
  volGuess: number;
  book: QuoteBook;
  ticks: readonly TickSize[];
  /** Fill-model options (with `now`) that every leg must satisfy. */
  fill: FillOptions;
}

/** A chosen vertical with the smile of its right around it. */
export interface ChosenSide {
  right: "C" | "P";
  short: PricedOption;
  long: PricedOption;
  /** (strike, IV) of this right's quoted strikes seen while selecting, ascending by strike. */
  smile: { strike: number; iv: number }[];
}

/** Why a side could not be chosen. */
export type SideFailure = { ok: false; stage: "strike" | "quotes" | "fill"; reasons: string[] };

const rightName = (r: "C" | "P"): string => (r === "C" ? "call" : "put");

/**
 * Chooses the short strike whose |delta| is closest to the target within bounds, and its wing
 * exactly `width` points further out of the money. Only a window of strikes is quoted and priced:
 * the strikes whose Black-Scholes delta at `volGuess` falls in the bounds (found by binary search),
 * padded, then re-aimed with the IV actually quoted there until the target delta is bracketed.
 */
export async function selectSide(
  rule: SideRule,
  inp: SideInputs,
): Promise<{ ok: true; side: ChosenSide } | SideFailure> {
  const { right, width, delta } = rule;
  const out = right === "C" ? 1 : -1;
  const win = new StrikeWindow(inp.choice.expiration.strikes, right, inp.book, inp.model);
  const { lo, hi } = await win.aim(rule, inp.volGuess);
  const { strikes, priced } = win;

  const withDelta = [...priced.values()].filter(
    (p): p is PricedOption & { delta: number } => p?.delta !== undefined,
  );
  const miss = (p: { delta: number }): number => Math.abs(Math.abs(p.delta) - delta.target);
  const inBounds = withDelta
    .filter((p) => Math.abs(p.delta) >= delta.min && Math.abs(p.delta) <= delta.max)
    .sort((a, b) => miss(a) - miss(b) || out * (b.strike - a.strike));
  if (inBounds.length === 0) {
    if (withDelta.length === 0) {
      const span = `${strikes[lo]?.strike}-${strikes[hi]?.strike}`;
      const quoted = [...priced.values()].filter((p) => p !== null).length;
      const why =
        quoted === 0
          ? `none of ${priced.size} quoted`
          : `${quoted} of ${priced.size} quoted, none with IV, delta or a mid`;
      return {
        ok: false,
        stage: "quotes",
        reasons: [`no usable ${rightName(right)} quotes for strikes ${span} (${why})`],
      };
    }
    const near = withDelta.reduce((a, b) => (miss(b) < miss(a) ? b : a));
    return {
      ok: false,
      stage: "strike",
      reasons: [
        `no ${rightName(right)} with |delta| in [${delta.min}, ${delta.max}]: nearest ${near.strike} at |delta| ${Math.abs(near.delta).toFixed(3)}`,
      ],
    };
  }

  const reasons: string[] = [];
  let stage: SideFailure["stage"] | undefined;
  for (const s of inBounds.slice(0, MAX_TRIES)) {
    const wingK = s.strike + out * width;
    const wi = findStrike(strikes, wingK);
    if (wi < 0) {
      stage ??= "strike";
      reasons.push(`short ${s.strike}${right}: no ${rightName(right)} strike at ${wingK} (width ${width})`);
      continue;
    }
    await inp.book.ensure([win.symbol(wi)]);
    const w = win.price(wi);
    if (!w) {
      stage ??= "quotes";
      reasons.push(`short ${s.strike}${right}: no quote for the wing ${win.symbol(wi)}`);
      continue;
    }
    const f = fillSpread([spreadLeg(s, "short"), spreadLeg(w, "long")], inp.ticks, inp.fill);
    if (!f.ok) {
      stage ??= "fill";
      reasons.push(...f.reasons.map((r) => `${r.leg}: ${r.message}`));
      continue;
    }
    const smile = [...priced.values()]
      .filter((p): p is PricedOption & { iv: number } => p?.iv !== undefined)
      .map((p) => ({ strike: p.strike, iv: p.iv }))
      .sort((a, b) => a.strike - b.strike);
    return { ok: true, side: { right, short: s, long: w, smile } };
  }
  return { ok: false, stage: stage ?? "strike", reasons };
}
