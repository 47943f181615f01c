import type { Quote, UnderlyingPrice } from "../market-data/market-data-provider";
import { daysBetween, nyDate } from "../time/new-york";
import { DEFAULT_INDEX_TICKS, fillOrderLegs, type Refusal } from "./leg-fill";
import type { PositionRecord } from "./order-types";
import { netPnlCents } from "./pnl";
import { spreadOrderFees, type FeeSchedule } from "./fee-model";
import type { PaperFillSettings } from "./paper-settings";
import { pnlCents } from "./payoff";

/** How far the underlying is from a short strike (positive = still out of the money). */
export interface StrikeDistance {
  optionType: "C" | "P";
  /** Index points. */
  strike: number;
  /** Index points; positive while the short option is out of the money. */
  points: number;
  /** `points` as a fraction of the underlying price. */
  pct: number;
  /**
   * `points` in standard deviations of the index to expiration, ln-distance / (σ√T) with σ the
   * short leg's quoted IV and T the calendar days left / 365 (absent without an IV).
   */
  sd?: number;
}

/** One leg at the mark: its quote, the quote's age and the price it would close at. */
export interface LegMark {
  streamerSymbol: string;
  side: "short" | "long";
  optionType: "C" | "P";
  /** Index points. */
  strike: number;
  /** USD per share. */
  bid?: number;
  ask?: number;
  /** ms since epoch. */
  quoteTime?: number;
  /** Quoted implied volatility, annualised fraction. */
  iv?: number;
  /** Quote age at the mark, ms. */
  quoteAgeMs?: number;
  source?: string;
  /** Closing fill (buy back a short, sell a long), USD per share; absent when unpriced. */
  closePrice?: number;
  /** A worthless long (bid 0) valued at 0 and left to expire: not traded, no closing fees. */
  leftToExpire?: true;
}

/** A position marked to market; `unpriced` when its legs could not be priced (never made up). */
export type PositionMark = {
  positionId: string;
  /** Where it trades: `paper`, or `live` (closing it places a real order). */
  mode: PositionRecord["mode"];
  strategy: string;
  underlying: string;
  expiration: string;
  /** New York calendar days to expiration. */
  dte: number;
  quantity: number;
  /** Shares per contract. */
  multiplier: number;
  /** USD per share. */
  entryCredit: number;
  maxProfitCents: number;
  maxLossCents: number;
  /** Index points. */
  breakevens: number[];
  /** Index points, null when unknown. */
  underlyingPrice: number | null;
  underlyingSource: string;
  shortStrikes: StrikeDistance[];
  legs: LegMark[];
  /** Oldest leg quote age, ms (null when a quote is missing). */
  oldestQuoteAgeMs: number | null;
} & (
  | {
      status: "priced";
      /** Debit to close one spread at the fill model's closing price, USD per share (< 0 = credit). */
      debitToClose: number;
      /** Open P&L of the whole position before fees (gross), cents. */
      pnlCents: number;
      /** Fees: the opening order's (paid) + the closing order's at this mark (estimated), cents. */
      feesCents: number;
      /** `pnlCents − feesCents`: what closing now would leave, cents. */
      netPnlCents: number;
      /** `pnlCents / maxProfitCents` (fraction; 0.5 = half the max profit). */
      pctOfMaxProfit: number;
    }
  | { status: "unpriced"; /** Human summary. */ reason: string; reasons: Refusal[] }
);

/** Marking context: quotes and underlying prices fetched once for all positions. */
export interface MarkContext {
  quotes: ReadonlyMap<string, Quote>;
  underlying: UnderlyingPrice | undefined;
  /** ms since epoch. */
  now: number;
  fill: PaperFillSettings;
  /** Fee model (strategies.yaml `fees:` over tastytrade's schedule). */
  fees: FeeSchedule;
}

/**
 * Marks one position: the debit to close at the fill model's closing price (buy back shorts, sell
 * longs; a long bid at 0 is valued at 0), P&L, % of max profit, DTE and the distance to the shorts.
 * Missing or stale leg quotes leave it `unpriced` with the reasons. Closes use no spread-width
 * limit: getting out is never refused for a wide market, only for a missing or stale one.
 */
export function markPosition(position: PositionRecord, ctx: MarkContext): PositionMark {
  const u = ctx.underlying && ctx.underlying.price !== null ? ctx.underlying : undefined;
  const fill = fillOrderLegs(
    position.legs.map((l) => ({
      streamerSymbol: l.streamerSymbol,
      action: l.side === "short" ? ("buy" as const) : ("sell" as const),
      ratio: l.ratio,
    })),
    ctx.quotes,
    position.tickSizes ?? DEFAULT_INDEX_TICKS,
    {
      model: ctx.fill.model,
      concession: ctx.fill.concession,
      maxQuoteAgeMs: ctx.fill.maxQuoteAgeMs,
      now: ctx.now,
      abandonWorthless: true,
    },
  );
  const legs = position.legs.map((l): LegMark => {
    const q = ctx.quotes.get(l.streamerSymbol);
    const filled = fill.ok ? fill.legs.find((f) => f.streamerSymbol === l.streamerSymbol) : undefined;
    // Field by field, not by spreading (V8 copies `{ ...a, b }` slowly; marks run every 5 minutes).
    const mark: LegMark = {
      streamerSymbol: l.streamerSymbol,
      side: l.side,
      strike: l.strike,
      optionType: l.optionType,
    };
    if (q) {
      mark.bid = q.bid;
      mark.ask = q.ask;
      mark.quoteTime = q.asOf;
      if (q.iv !== undefined) mark.iv = q.iv;
      mark.quoteAgeMs = ctx.now - q.asOf;
      mark.source = q.source;
    }
    if (filled) mark.closePrice = filled.fillPrice;
    if (filled?.leftToExpire) mark.leftToExpire = true;
    return mark;
  });
  const ages = legs.map((l) => l.quoteAgeMs);
  const dte = daysBetween(nyDate(ctx.now), position.expiration);
  const base = {
    positionId: position.positionId,
    mode: position.mode,
    strategy: position.strategy,
    underlying: position.underlying,
    expiration: position.expiration,
    dte,
    quantity: position.quantity,
    multiplier: position.multiplier,
    entryCredit: position.entryCredit,
    maxProfitCents: position.maxProfitCents,
    maxLossCents: position.maxLossCents,
    breakevens: position.breakevens,
    underlyingPrice: u ? u.price : null,
    underlyingSource: u ? u.source : "none",
    shortStrikes: u ? withSd(shortStrikeDistances(position, u.price), legs, u.price, dte) : [],
    legs,
    oldestQuoteAgeMs: ages.some((a) => a === undefined) ? null : Math.max(...(ages as number[])),
  };
  // Object.assign onto the fresh base, not a spread: V8 copies `{ ...a, b }` slowly.
  if (!fill.ok) {
    return Object.assign(base, {
      status: "unpriced" as const,
      reason: fill.reasons.map((r) => r.message).join("; "),
      reasons: fill.reasons,
    });
  }
  const debitToClose = -fill.net + 0;
  const pnl = pnlCents(position.entryCredit, debitToClose, position.multiplier, position.quantity);
  const exitFees = spreadOrderFees(ctx.fees, "close", position, closingPrices(legs), ctx.now);
  const feesCents = (position.entryFeesCents ?? 0) + exitFees.totalCents;
  return Object.assign(base, {
    status: "priced" as const,
    debitToClose,
    pnlCents: pnl,
    feesCents,
    netPnlCents: netPnlCents(pnl, feesCents),
    pctOfMaxProfit: position.maxProfitCents > 0 ? pnl / position.maxProfitCents : 0,
  });
}

/** Closing prices of a mark's legs for the fee model: null for a leg left to expire (not traded). */
export function closingPrices(legs: readonly LegMark[]): (number | null)[] {
  return legs.map((l) => (l.leftToExpire ? null : (l.closePrice ?? 0)));
}

/** Distance from the underlying to each short strike, points and fraction (positive = OTM). */
export function shortStrikeDistances(
  position: Pick<PositionRecord, "legs">,
  underlying: number,
): StrikeDistance[] {
  return position.legs
    .filter((l) => l.side === "short")
    .map((l) => {
      const points = Number(
        (l.optionType === "P" ? underlying - l.strike : l.strike - underlying).toFixed(6),
      );
      return { optionType: l.optionType, strike: l.strike, points, pct: points / underlying };
    });
}

/** Adds each short strike's distance in standard deviations, from its leg's quoted IV. */
function withSd(
  distances: StrikeDistance[],
  legs: readonly LegMark[],
  spot: number,
  dte: number,
): StrikeDistance[] {
  const sqrtT = Math.sqrt(Math.max(dte, 0.5) / 365);
  return distances.map((d) => {
    const iv = legs.find(
      (l) => l.side === "short" && l.strike === d.strike && l.optionType === d.optionType,
    )?.iv;
    if (iv === undefined || !(iv > 0)) return d;
    const ln = d.optionType === "P" ? Math.log(spot / d.strike) : Math.log(d.strike / spot);
    return { ...d, sd: Number((ln / (iv * sqrtT)).toFixed(2)) };
  });
}
