import type { AlertStore } from "../alerts/alert-store";
import type { Notifier } from "../alerts/notifier";
import { notifyOnce } from "../alerts/notify-once";
import type { Log } from "../log/log";
import type { Clock } from "../time/clock";
import { netPnlCents } from "./pnl";
import { NO_FEES, recordClose } from "./close-order";
import type { PositionRecord } from "./order-types";
import type { PaperOrderStore } from "./paper-order-store";
import { expiryDebit, intrinsicValue } from "./payoff";
import { usd } from "./risk-rules";
import { settlementMoment, type SettlementPrice, type SettlementPriceSource } from "./settlement-source";

/** Deps of {@link settleExpired}; with `alerts` and `notifier` each settlement is also alerted once. */
export interface SettleExpiredDeps {
  clock: Clock;
  log: Log;
  orders: PaperOrderStore;
  settlement: SettlementPriceSource;
  alerts?: AlertStore;
  notifier?: Notifier;
}

/** One settled position. */
export interface Settled {
  positionId: string;
  /** Index points. */
  settlementPrice: number;
  /** The settlement instant the price belongs to, ms since epoch. */
  settlementAt: number;
  /** Where the value came from (`rest:close`, `rest:prev-close`, `rest:open`, …). */
  settlementSource: string;
  approximate: boolean;
  /** Intrinsic value of one spread at settlement, USD per share. */
  exitDebit: number;
  /** Realised P&L before fees, cents. */
  realizedPnlCents: number;
  /** Fees of the position (the opening order's; a settlement trades nothing), cents. */
  feesCents: number;
  /** `realizedPnlCents − feesCents`. */
  netPnlCents: number;
}

/** Result of {@link settleExpired}. */
export interface SettleResult {
  settled: Settled[];
  /** Past their settlement moment, settlement value not known yet ("awaiting settlement"), with why. */
  awaiting: { positionId: string; status: "awaiting settlement"; settlementAt: number; reason: string }[];
}

/**
 * Settles open positions whose expiration has settled (AM roots at the open, PM roots at the close
 * of the expiration day), paper and live alike (index options are cash-settled: the broker trades
 * nothing either): each leg at intrinsic value from the index's value recorded at that instant,
 * then closed with reason `expiry`, its realised P&L (gross, fees, net) and the settlement price,
 * instant and source; the close releases its claims and counts toward the live daily loss stop
 * like any other. Without that value yet it is "awaiting settlement": never settled at a later
 * price. A settlement is no trade: no closing fees.
 */
export async function settleExpired(deps: SettleExpiredDeps): Promise<SettleResult> {
  const now = deps.clock.now();
  const open = await deps.orders.listOpenPositions();
  const due = open.filter((p) => now >= settlementMoment(p.expiration, p.settlement));
  const result: SettleResult = { settled: [], awaiting: [] };
  for (const position of due) {
    const at = settlementMoment(position.expiration, position.settlement);
    const price = await settlementPriceOf(deps, position, at);
    if (!price) {
      result.awaiting.push({
        positionId: position.positionId,
        status: "awaiting settlement",
        settlementAt: at,
        reason: `no ${position.settlement === "AM" ? "opening" : "closing"} value of ${position.underlying} recorded for ${new Date(at).toISOString()} yet`,
      });
      continue;
    }
    const settled = await settleOne(deps, position, price, at);
    result.settled.push(settled);
    await alertSettled(deps, position, settled);
  }
  deps.log.info("paper.settle", {
    due: due.length,
    settled: result.settled.length,
    awaiting: result.awaiting.length,
  });
  return result;
}

/** The settlement value of a position's expiration, or null when not known (a failed read is logged). */
function settlementPriceOf(
  deps: SettleExpiredDeps,
  position: PositionRecord,
  at: number,
): Promise<SettlementPrice | null> {
  const request = {
    underlying: position.underlying,
    root: position.root,
    expiration: position.expiration,
    settlement: position.settlement,
    at,
  };
  return deps.settlement.settlementPrice(request).catch((err: Error) => {
    deps.log.warn("paper.settle.price-failed", { positionId: position.positionId, error: err.message });
    return null;
  });
}

/** Closes a position at intrinsic value at the settlement price (reason `expiry`, no fees). */
async function settleOne(
  deps: SettleExpiredDeps,
  position: PositionRecord,
  price: SettlementPrice,
  at: number,
): Promise<Settled> {
  const exitDebit = expiryDebit(position.legs, price.price);
  const res = await recordClose(deps, position, {
    exitDebit,
    legs: position.legs.map((l) => ({
      quoteTime: price.asOf,
      fillPrice: intrinsicValue(l.optionType, l.strike, price.price),
      quoteSource: "settlement",
    })),
    time: deps.clock.now(),
    underlyingPrice: price.price,
    underlyingSource: `settlement:${price.source}`,
    reason: "expiry",
    fees: NO_FEES,
    settlement: { price: price.price, at, source: price.source, approximate: price.approximate },
  });
  const feesCents = res.position?.feesCents ?? position.entryFeesCents ?? 0;
  return {
    positionId: position.positionId,
    settlementPrice: price.price,
    settlementAt: at,
    settlementSource: price.source,
    approximate: price.approximate,
    exitDebit,
    realizedPnlCents: res.realizedPnlCents,
    feesCents,
    netPnlCents: netPnlCents(res.realizedPnlCents, feesCents),
  };
}

/** Alerts a settlement once (with `alerts` and `notifier`). */
async function alertSettled(deps: SettleExpiredDeps, position: PositionRecord, s: Settled): Promise<void> {
  if (!deps.alerts || !deps.notifier) return;
  await notifyOnce(
    { alerts: deps.alerts, notifier: deps.notifier, log: deps.log },
    {
      positionId: position.positionId,
      rule: "expired",
      subject: `StratDeck expiry: ${position.underlying} ${position.expiration} settled`,
      message: `${position.underlying} ${position.strategy} ${position.expiration} settled at ${s.settlementPrice} (${s.settlementSource}, ${new Date(s.settlementAt).toISOString()}): P&L gross ${usd(s.realizedPnlCents)}, fees ${usd(s.feesCents)}, net ${usd(s.netPnlCents)}`,
      details: {
        settlementPrice: s.settlementPrice,
        settlementAt: s.settlementAt,
        settlementSource: s.settlementSource,
        exitDebit: s.exitDebit,
        grossPnlCents: s.realizedPnlCents,
        feesCents: s.feesCents,
        netPnlCents: s.netPnlCents,
      },
    },
  );
}
