import type { PriceSource } from "../market-data/market-data-provider";
import type { FillOptions } from "../pricing/fill-model";
import { fillSpread } from "../pricing/spread-fill";
import type { FeeSchedule } from "../ledger/fee-model";
import type { ExpirationChoice } from "./expiration-select";
import { ideaEconomics } from "./idea-economics";
import type { Idea, IdeaLeg, StrategyName } from "./idea";
import { popIronCondor, popShortCall, popShortPut } from "./pop";
import { quoteMid, smileAt, spreadLeg, type ExpiryModel, type PricedOption } from "./priced-option";
import { realWorldFigures, type RealWorldWing } from "./real-world";
import type { ChosenSide } from "./side-select";

/** An idea before filters, verdict and score. */
export type BuiltIdea = Omit<Idea, "score" | "verdict" | "checks" | "reasons" | "tradable">;

/** Everything a candidate is built from. */
export interface BuildInputs {
  strategy: StrategyName;
  underlying: string;
  choice: ExpirationChoice;
  /** Put side first for a condor. */
  sides: readonly ChosenSide[];
  model: ExpiryModel;
  underlyingSource: PriceSource;
  /** IV rank, fraction (undefined when unknown). */
  ivRank?: number;
  quantity: number;
  /** Fill-model options with `now`. */
  fill: FillOptions;
  /** ms since epoch. */
  now: number;
  /** Fee model (strategies.yaml `fees:` over tastytrade's schedule). */
  fees: FeeSchedule;
  /** Volatility risk premium of the real-world figures, annualised volatility fraction (default 0.04). */
  volRiskPremium?: number;
}

/** Rounds away binary noise for the report (prices to 1e-4 USD, greeks to 1e-6). */
const round = (x: number | undefined, digits: number): number | undefined =>
  x === undefined ? undefined : Number(x.toFixed(digits));

function leg(
  p: PricedOption,
  side: "short" | "long",
  fillPrice: number | undefined,
  inp: BuildInputs,
): IdeaLeg {
  const q = p.quote;
  const opt = <K extends string, V>(k: K, v: V | undefined) =>
    v === undefined ? {} : ({ [k]: v } as Record<K, V>);
  return {
    side,
    optionType: p.right,
    strike: p.strike,
    expiration: inp.choice.expiration.date,
    root: inp.choice.root.root,
    occSymbol: p.occSymbol,
    streamerSymbol: p.streamerSymbol,
    ...opt("bid", q.bid),
    ...opt("ask", q.ask),
    ...opt("mid", round(quoteMid(q), 4)),
    ...opt("fillPrice", round(fillPrice, 4)),
    ...opt("delta", round(p.delta, 6)),
    ...opt("iv", round(p.iv, 6)),
    quoteSource: q.source,
    quoteTime: q.asOf,
    // Per quote, from its receipt (the provider's age at lookup), not from the start of the scan.
    quoteAgeMs: Math.max(0, q.ageMs),
  };
}

/**
 * Prices a candidate: the net credit of all legs at the fill model's prices (tick-rounded by the
 * root's tick table), width (widest wing), max profit/loss in cents (× shares per contract),
 * breakevens and POP (see `popShortPut`, `popShortCall`, `popIronCondor`).
 */
export function buildIdea(
  inp: BuildInputs,
): { ok: true; idea: BuiltIdea } | { ok: false; stage: "fill" | "credit" | "quotes"; reasons: string[] } {
  const legsIn = inp.sides.flatMap((s) => [
    { p: s.short, side: "short" as const },
    { p: s.long, side: "long" as const },
  ]);
  const f = fillSpread(
    legsIn.map(({ p, side }) => spreadLeg(p, side)),
    inp.choice.root.tickSizes,
    inp.fill,
  );
  if (!f.ok) return { ok: false, stage: "fill", reasons: f.reasons.map((r) => `${r.leg}: ${r.message}`) };
  const credit = f.net;
  const width = Math.max(...inp.sides.map((s) => Math.abs(s.short.strike - s.long.strike)));
  if (!(credit > 0))
    return { ok: false, stage: "credit", reasons: [`net ${credit.toFixed(2)} is not a credit`] };
  if (!(credit < width))
    return {
      ok: false,
      stage: "credit",
      reasons: [`credit ${credit} >= width ${width}: inconsistent quotes`],
    };

  const breakevens: number[] = [];
  const bounds: { breakeven: number; vol: number; right: "C" | "P" }[] = [];
  const wings: RealWorldWing[] = [];
  for (const s of inp.sides) {
    const be = s.right === "P" ? s.short.strike - credit : s.short.strike + credit;
    const vol = smileAt(s.smile, be) ?? s.short.iv;
    if (vol === undefined || !(vol > 0))
      return { ok: false, stage: "quotes", reasons: [`no IV near the breakeven ${be} to compute POP`] };
    breakevens.push(Number(be.toFixed(4)));
    bounds.push({ breakeven: be, vol, right: s.right });
    wings.push({ right: s.right, short: s.short.strike, long: s.long.strike, breakeven: be, iv: vol });
  }
  const m = inp.model;
  const put = bounds.find((b) => b.right === "P");
  const call = bounds.find((b) => b.right === "C");
  let pop: number;
  if (put && call) pop = popIronCondor(put, call, m);
  else if (put) pop = popShortPut(put.breakeven, put.vol, m);
  else if (call) pop = popShortCall(call.breakeven, call.vol, m);
  else return { ok: false, stage: "quotes", reasons: ["no sides to price"] };

  const mult = inp.choice.root.sharesPerContract;
  const legs = legsIn.map(({ p, side }, i) => leg(p, side, f.legPrices[i], inp));
  const strikes = legs.map((l) => `${l.strike}${l.optionType}`).join("/");
  const exp = inp.choice.expiration;
  const maxProfitCents = Math.round(credit * mult * 100);
  const maxLossCents = Math.round((width - credit) * mult * 100);
  const economics = ideaEconomics(
    {
      underlying: inp.underlying,
      credit,
      maxProfitCents,
      maxLossCents,
      quantity: inp.quantity,
      multiplier: mult,
    },
    legsIn.map(({ p, side }, i) => ({
      side,
      optionType: p.right,
      strike: p.strike,
      fillPrice: f.legPrices[i] as number,
      ...(p.iv !== undefined ? { iv: p.iv } : {}),
    })),
    inp.model,
    inp.fees,
    inp.now,
  );
  const realWorld = realWorldFigures(
    wings,
    { credit, multiplier: mult, quantity: inp.quantity, feesCents: economics.feesCents },
    inp.model,
    inp.volRiskPremium,
  );
  return {
    ok: true,
    idea: {
      id: `${inp.strategy}|${inp.underlying}|${inp.choice.root.root}|${exp.date}|${strikes}`,
      strategy: inp.strategy,
      underlying: inp.underlying,
      root: inp.choice.root.root,
      settlement: exp.settlement,
      expiration: exp.date,
      dte: inp.choice.dte,
      legs,
      credit,
      width,
      creditPerWidth: Number((credit / width).toFixed(6)),
      maxProfitCents,
      maxLossCents,
      breakevens: breakevens.sort((a, b) => a - b),
      pop: Math.min(0.999999, Math.max(0.000001, Number(pop.toFixed(6)))),
      ...(inp.ivRank !== undefined ? { ivRank: inp.ivRank } : {}),
      underlyingPrice: inp.model.spot,
      underlyingSource: inp.underlyingSource,
      quantity: inp.quantity,
      multiplier: mult,
      builtAt: inp.now,
      ...economics,
      ...(realWorld ? { realWorld } : {}),
    },
  };
}
