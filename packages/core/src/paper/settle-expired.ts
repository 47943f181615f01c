import type { AlertStore } from "../alerts/alert-store";
import type { Notifier } from "../alerts/notifier";
import { notifyOnce } from "../alerts/notify-once";
import type { Log } from "../log/log";
import type { Clock } from "../time/clock";
import { recordClose } from "./close-order";
import type { PaperOrderStore } from "./paper-order-store";
import { expiryDebit, intrinsicValue } from "./payoff";
import { usd } from "./risk-rules";
import { settlementMoment, type SettlementPriceSource } from "./settlement-source";

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
  approximate: boolean;
  /** Intrinsic value of one spread at settlement, USD per share. */
  exitDebit: number;
  realizedPnlCents: number;
}

/** Result of {@link settleExpired}. */
export interface SettleResult {
  settled: Settled[];
  /** Past their settlement moment but not settled yet, with why. */
  awaiting: { positionId: string; reason: string }[];
}

/**
 * Settles open paper positions whose expiration has settled (AM roots at the open, PM roots at the
 * close of the expiration day): each leg at intrinsic value from the settlement price, then closed
 * with reason `expiry` and its realised P&L. Without a settlement price yet, it waits.
 */
export async function settleExpired(deps: SettleExpiredDeps): Promise<SettleResult> {
  const now = deps.clock.now();
  const open = await deps.orders.listOpenPositions();
  const due = open.filter((p) => p.mode === "paper" && now >= settlementMoment(p.expiration, p.settlement));
  const result: SettleResult = { settled: [], awaiting: [] };
  for (const position of due) {
    const request = {
      underlying: position.underlying,
      root: position.root,
      expiration: position.expiration,
      settlement: position.settlement,
      at: settlementMoment(position.expiration, position.settlement),
    };
    const price = await deps.settlement.settlementPrice(request).catch((err: Error) => {
      deps.log.warn("paper.settle.price-failed", { positionId: position.positionId, error: err.message });
      return null;
    });
    if (!price) {
      result.awaiting.push({
        positionId: position.positionId,
        reason: `no ${position.settlement} settlement price yet`,
      });
      continue;
    }
    const exitDebit = expiryDebit(position.legs, price.price);
    const res = await recordClose(deps, position, {
      exitDebit,
      legs: position.legs.map((l) => ({
        quoteTime: price.asOf,
        fillPrice: intrinsicValue(l.optionType, l.strike, price.price),
        quoteSource: "settlement",
      })),
      time: now,
      underlyingPrice: price.price,
      underlyingSource: `settlement:${price.source}`,
      reason: "expiry",
    });
    result.settled.push({
      positionId: position.positionId,
      settlementPrice: price.price,
      approximate: price.approximate,
      exitDebit,
      realizedPnlCents: res.realizedPnlCents,
    });
    if (deps.alerts && deps.notifier) {
      await notifyOnce(
        { alerts: deps.alerts, notifier: deps.notifier, log: deps.log },
        {
          positionId: position.positionId,
          rule: "expired",
          subject: `StratDeck expiry: ${position.underlying} ${position.expiration} settled`,
          message: `${position.underlying} ${position.strategy} ${position.expiration} settled at ${price.price}${price.approximate ? " (approx.)" : ""}: P&L ${usd(res.realizedPnlCents)}`,
          details: { settlementPrice: price.price, exitDebit, realizedPnlCents: res.realizedPnlCents },
        },
      );
    }
  }
  deps.log.info("paper.settle", {
    due: due.length,
    settled: result.settled.length,
    awaiting: result.awaiting.length,
  });
  return result;
}
