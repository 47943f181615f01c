import { spreadOrderFees, type FeeSchedule } from "../ledger/fee-model";
import { blackScholes } from "../pricing/black-scholes";
import type { ExpiryModel } from "./priced-option";

/** A leg as the economics need it. */
export interface EconomicsLeg {
  side: "short" | "long";
  optionType: "C" | "P";
  /** Index points. */
  strike: number;
  /** Fill price, USD per share. */
  fillPrice: number;
  /** Implied volatility, annualised fraction (undefined when unknown). */
  iv?: number;
}

/** What a professional judges an idea by, beyond credit and POP. */
export interface IdeaEconomics {
  /** Round-trip fees of the position: the opening order, and closing at the legs' current fills, cents. */
  feesCents: number;
  /** Credit of the position after the round-trip fees, cents. */
  netCreditCents: number;
  /** Buying-power effect: the position's max loss (defined risk), cents. */
  buyingPowerEffectCents: number;
  /** netCreditCents / buyingPowerEffectCents, fraction. */
  returnOnRisk: number;
  /** Each short strike's distance from spot in standard deviations (ln(K/S) / (σ√T), the leg's IV). */
  shortStrikeSd: { optionType: "C" | "P"; strike: number; sd: number }[];
  /** Model fair value of one spread (Black-Scholes at each leg's own IV), USD per share. */
  fairValue?: number;
  /**
   * Fill cost vs model, cents: (fill credit − fair value) × multiplier, rounded down to the cent,
   * × quantity. The cost of crossing the bid/ask spread, negative by construction (no fees). Not an
   * expected value: see `realWorldFigures`.
   */
  fillCostCents?: number;
}

/**
 * Fees, net credit, return on risk, buying-power effect, short strikes in standard deviations and
 * the fill cost vs the model (fair value at the legs' own IVs vs the fill). A leg without an IV
 * leaves the model figures out (never invented).
 */
export function ideaEconomics(
  idea: {
    underlying: string;
    credit: number;
    maxProfitCents: number;
    maxLossCents: number;
    quantity: number;
    multiplier: number;
  },
  legs: readonly EconomicsLeg[],
  model: ExpiryModel,
  fees: FeeSchedule,
  at: number,
): IdeaEconomics {
  const order = { underlying: idea.underlying, quantity: idea.quantity, multiplier: idea.multiplier };
  const position = { ...order, legs: legs.map((l) => ({ side: l.side, ratio: 1 })) };
  const prices = legs.map((l) => l.fillPrice);
  const open = spreadOrderFees(fees, "open", position, prices, at);
  const close = spreadOrderFees(fees, "close", position, prices, at);
  const feesCents = open.totalCents + close.totalCents;
  const netCreditCents = idea.maxProfitCents * idea.quantity - feesCents;
  const buyingPowerEffectCents = idea.maxLossCents * idea.quantity;
  const sqrtT = Math.sqrt(Math.max(model.years, 0));
  const shortStrikeSd = legs
    .filter((l) => l.side === "short" && l.iv !== undefined && l.iv > 0 && sqrtT > 0)
    .map((l) => ({
      optionType: l.optionType,
      strike: l.strike,
      sd: Number((Math.log(l.strike / model.spot) / ((l.iv as number) * sqrtT)).toFixed(4)),
    }));
  const out: IdeaEconomics = {
    feesCents,
    netCreditCents,
    buyingPowerEffectCents,
    returnOnRisk:
      buyingPowerEffectCents > 0 ? Number((netCreditCents / buyingPowerEffectCents).toFixed(6)) : 0,
    shortStrikeSd,
  };
  if (legs.every((l) => l.iv !== undefined && l.iv > 0)) {
    const fair = legs.reduce((s, l) => {
      const p = blackScholes({
        right: l.optionType,
        spot: model.spot,
        strike: l.strike,
        years: model.years,
        vol: l.iv as number,
        rate: model.rate,
        dividendYield: model.dividendYield,
      }).price;
      return s + (l.side === "short" ? p : -p);
    }, 0);
    out.fairValue = Number(fair.toFixed(4));
    out.fillCostCents = Math.floor((idea.credit - fair) * idea.multiplier * 100 + 1e-9) * idea.quantity;
  }
  return out;
}
