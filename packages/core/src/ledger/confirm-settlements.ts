import type { Log } from "../log/log";
import type { Clock } from "../time/clock";
import { LedgerError } from "./events/ledger-error";
import type { SettlementEvent } from "./events/ledger-event";
import type { PositionRecord } from "./order-types";
import type { PaperOrderStore } from "./paper-order-store";
import { expiryDebit } from "./payoff";
import { settlementMoment, type SettlementPrice, type SettlementPriceSource } from "./settlement-source";

/**
 * How far back the settle job looks for settlements still approximate, ms: the official opening
 * settlement value is published the same morning; a week covers a job that did not run for days.
 */
export const CONFIRM_LOOKBACK_MS = 7 * 86_400_000;

/** Deps of {@link confirmSettlements}. */
export interface ConfirmSettlementsDeps {
  clock: Clock;
  log: Log;
  orders: PaperOrderStore;
  settlement: SettlementPriceSource;
}

/** A settlement whose approximate value was replaced by the official one. */
export interface Confirmed {
  positionId: string;
  /** The approximate value replaced and the official one, index points. */
  approximatePrice: number;
  settlementPrice: number;
  /** Where the official value came from (e.g. `soq:SET`). */
  settlementSource: string;
  /** Realised P&L before fees with the approximate and with the official value, cents. */
  realizedPnlCentsBefore: number;
  realizedPnlCents: number;
  /** Net P&L with the official value, cents. */
  netPnlCents: number;
}

/**
 * Finds positions closed in the last {@link CONFIRM_LOOKBACK_MS} whose settlement is still
 * approximate (an AM root settled from the index's `open` print) and, once the settlement source
 * gives the official value, appends it as a settlement event (`settlement|<positionId>|official`),
 * which replaces the approximate one in every figure derived from the events: P&L, history, the
 * daily loss stop. Running again is a no-op: a confirmed position is no longer approximate.
 */
export async function confirmSettlements(deps: ConfirmSettlementsDeps): Promise<Confirmed[]> {
  const since = deps.clock.now() - CONFIRM_LOOKBACK_MS;
  const closed = await deps.orders.listClosedPositions({ since });
  const approximate = closed.filter((p) => p.settlementApproximate === true);
  const confirmed: Confirmed[] = [];
  for (const position of approximate) {
    const done = await confirmOne(deps, position);
    if (done) confirmed.push(done);
  }
  if (approximate.length > 0)
    deps.log.info("paper.settle.confirm", { approximate: approximate.length, confirmed: confirmed.length });
  return confirmed;
}

/** The official value of a position's settlement, or null (not known yet, or a failed read, logged). */
async function officialPrice(deps: ConfirmSettlementsDeps, p: PositionRecord, at: number) {
  const request = {
    underlying: p.underlying,
    root: p.root,
    expiration: p.expiration,
    settlement: p.settlement,
    at,
  };
  const price: SettlementPrice | null = await deps.settlement.settlementPrice(request).catch((err: Error) => {
    deps.log.warn("paper.settle.confirm-failed", { positionId: p.positionId, error: err.message });
    return null;
  });
  return price && !price.approximate ? price : null;
}

/** Appends one position's official settlement, or null when it is not known yet. */
async function confirmOne(deps: ConfirmSettlementsDeps, p: PositionRecord): Promise<Confirmed | null> {
  const at = p.settlementAt ?? settlementMoment(p.expiration, p.settlement);
  const price = await officialPrice(deps, p, at);
  const before = await deps.orders.stateOf(p.positionId);
  if (!price || !before?.settlement) return null;
  const event: SettlementEvent = {
    eventId: `settlement|${p.positionId}|official`,
    positionId: p.positionId,
    at: deps.clock.now(),
    type: "settlement",
    quantity: before.settlement.quantity,
    debit: expiryDebit(p.legs, price.price),
    price: price.price,
    settlementAt: at,
    source: price.source,
    approximate: false,
  };
  try {
    const { state } = await deps.orders.appendEvent(event);
    deps.log.info("paper.settle.official", {
      positionId: p.positionId,
      approximatePrice: before.settlement.price,
      settlementPrice: price.price,
      source: price.source,
      realizedPnlCentsBefore: before.grossCents,
      realizedPnlCents: state.grossCents,
    });
    return {
      positionId: p.positionId,
      approximatePrice: before.settlement.price,
      settlementPrice: price.price,
      settlementSource: price.source,
      realizedPnlCentsBefore: before.grossCents,
      realizedPnlCents: state.grossCents,
      netPnlCents: state.netCents,
    };
  } catch (err) {
    // Another run confirmed it at the same moment (same id, another `at`): nothing to do.
    if (err instanceof LedgerError && err.code === "ledger-event-conflict") return null;
    throw err;
  }
}
