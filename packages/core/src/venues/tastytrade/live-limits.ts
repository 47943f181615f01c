import type { LiveConfig } from "../../config/app-config";
import type { Refusal } from "../../ledger/leg-fill";
import type { PaperOrderStore } from "../../ledger/paper-order-store";
import { realizedPnl } from "../../ledger/trade-history";
import { nyDate } from "../../time/new-york";

/** The hard limits of live trading (from {@link LiveConfig}). */
export type LiveLimits = Pick<LiveConfig, "maxContractsPerOrder" | "maxOpenPositions" | "dailyLossStopCents">;

/** Orders of the log read to total today's realised live P&L. */
const RECENT_ORDERS = 500;

/**
 * Realised net P&L (after entry and exit fees, {@link realizedPnl}) of live positions closed on
 * `now`'s New York date, cents (a loss is negative), from the order log's close orders and their
 * positions (each position counted once).
 */
export async function liveRealizedToday(orders: PaperOrderStore, now: number): Promise<number> {
  const today = nyDate(now);
  const closes = (await orders.listRecentOrders(RECENT_ORDERS)).filter(
    (o) => o.kind === "close" && o.mode === "live" && nyDate(o.time) === today,
  );
  let total = 0;
  for (const id of new Set(closes.map((c) => c.positionId))) {
    const position = await orders.getPosition(id);
    if (position) total += realizedPnl(position).netCents;
  }
  return total;
}

/**
 * Why a live entry must not be placed: more contracts on a leg than the per-order cap, the open
 * live positions already at their cap, or today's realised live net loss at the daily stop.
 * @param contracts - the largest leg quantity of the order, contracts
 */
export async function liveLimitBlocks(
  orders: PaperOrderStore,
  limits: LiveLimits,
  contracts: number,
  now: number,
): Promise<Refusal[]> {
  const out: Refusal[] = [];
  if (contracts > limits.maxContractsPerOrder)
    out.push({
      code: "live-max-contracts",
      message: `${contracts} contracts on a leg exceeds the live cap of ${limits.maxContractsPerOrder} per order (STRATDECK_LIVE_MAX_CONTRACTS)`,
    });
  const open = (await orders.listOpenPositions()).filter((p) => p.mode === "live").length;
  if (open >= limits.maxOpenPositions)
    out.push({
      code: "live-max-positions",
      message: `${open} live positions open, the cap is ${limits.maxOpenPositions} (STRATDECK_LIVE_MAX_POSITIONS)`,
    });
  const realized = await liveRealizedToday(orders, now);
  if (realized <= -limits.dailyLossStopCents)
    out.push({
      code: "live-daily-loss-stop",
      message: `today's realised live loss (net of fees) $${(-realized / 100).toFixed(2)} reached the daily stop of $${(limits.dailyLossStopCents / 100).toFixed(2)} (STRATDECK_LIVE_DAILY_LOSS_STOP_USD): no live entry until tomorrow`,
    });
  return out;
}
