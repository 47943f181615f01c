import type { TickSize } from "../market-data/option-chain";
import type { Idea } from "../strategies/idea";
import { spreadOrderFees, type FeeSchedule, type OrderFees } from "./fee-model";
import type { FilledLeg } from "./leg-fill";
import { orderLeg } from "./order-leg";
import type { OrderRecord, PositionRecord, TradingMode } from "./order-types";
import { positionCents, spreadProfile } from "./payoff";

/** An entry order and its position, ready for `PaperOrderStore.open`. */
export interface EntryRecords {
  order: Omit<OrderRecord, "orderId" | "positionId" | "kind">;
  position: Omit<PositionRecord, "positionId" | "status" | "idempotencyKey">;
}

/** What an entry was filled at. */
export interface EntryFill {
  /** Net credit of one spread, USD per share, tick-rounded. */
  credit: number;
  /** Per-leg quotes and fills, in the idea's leg order. */
  legs: readonly FilledLeg[];
  /** Underlying at the fill, index points, and where it came from. */
  underlyingPrice: number;
  underlyingSource: string;
  /** Fill time, ms since epoch. */
  time: number;
  ticks: readonly TickSize[];
}

/**
 * The order-log records of an idea filled at `fill`. Max profit/loss and breakevens are recomputed
 * from the re-quoted credit (not the idea's), so the position shows what was actually traded; the
 * opening order's fees come from the fee model.
 */
export function entryRecords(
  idea: Idea,
  fill: EntryFill,
  mode: TradingMode,
  idempotencyKey: string,
  fees: FeeSchedule,
): EntryRecords {
  const entryFees = spreadOrderFees(
    fees,
    "open",
    { ...idea, legs: idea.legs.map((l) => ({ side: l.side, ratio: 1 })) },
    fill.legs.map((l) => l.fillPrice),
    fill.time,
  );
  const profile = spreadProfile(
    idea.legs.map((l) => ({ side: l.side, optionType: l.optionType, strike: l.strike, ratio: 1 })),
    fill.credit,
  );
  const order = entryOrder(idea, fill, mode, idempotencyKey, entryFees);
  const profileFields = {
    width: profile.width,
    maxProfitCents: positionCents(profile.maxProfit, idea.multiplier, idea.quantity),
    maxLossCents: positionCents(profile.maxLoss, idea.multiplier, idea.quantity),
    breakevens: profile.breakevens,
  };
  return { order, position: entryPosition(idea, fill, mode, entryFees, profileFields) };
}

/** The opening order of an idea filled at `fill` (STO the shorts, BTO the longs). */
function entryOrder(
  idea: Idea,
  fill: EntryFill,
  mode: TradingMode,
  idempotencyKey: string,
  entryFees: OrderFees,
): EntryRecords["order"] {
  return {
    time: fill.time,
    underlying: idea.underlying,
    strategy: idea.strategy,
    side: fill.credit >= 0 ? "credit" : "debit",
    quantity: idea.quantity,
    price: Math.abs(fill.credit),
    underlyingPrice: fill.underlyingPrice,
    underlyingSource: fill.underlyingSource,
    mode,
    idempotencyKey,
    reason: "entry",
    fees: entryFees,
    legs: idea.legs.map((l, i) => {
      const f = fill.legs[i] as FilledLeg;
      return orderLeg(l, l.side === "short" ? "STO" : "BTO", 1, {
        ...f,
        quoteTime: f.quoteTime ?? fill.time,
        ...(f.source ? { quoteSource: f.source } : {}),
      });
    }),
  };
}

/** The position an idea filled at `fill` opens (its payoff figures from the filled credit). */
function entryPosition(
  idea: Idea,
  fill: EntryFill,
  mode: TradingMode,
  entryFees: OrderFees,
  profile: Pick<EntryRecords["position"], "width" | "maxProfitCents" | "maxLossCents" | "breakevens">,
): EntryRecords["position"] {
  const expirations = idea.legs.map((l) => l.expiration).sort();
  return {
    strategy: idea.strategy,
    underlying: idea.underlying,
    root: idea.root,
    settlement: idea.settlement,
    expiration: expirations[0] ?? idea.expiration,
    quantity: idea.quantity,
    multiplier: idea.multiplier,
    mode,
    openedAt: fill.time,
    entryCredit: fill.credit,
    ...profile,
    underlyingAtEntry: fill.underlyingPrice,
    tickSizes: [...fill.ticks],
    entryFeesCents: entryFees.totalCents,
    legs: idea.legs.map((l, i) => ({
      occSymbol: l.occSymbol,
      streamerSymbol: l.streamerSymbol,
      optionType: l.optionType,
      strike: l.strike,
      expiration: l.expiration,
      side: l.side,
      ratio: 1,
      entryPrice: (fill.legs[i] as FilledLeg).fillPrice,
    })),
  };
}
