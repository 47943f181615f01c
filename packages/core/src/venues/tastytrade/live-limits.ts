import type { LiveConfig } from "../../config/app-config";
import type { Refusal } from "../../ledger/leg-fill";
import type { PaperOrderStore } from "../../ledger/paper-order-store";
import { realizedPnl } from "../../ledger/trade-history";
import { nyDate, nyWallTimeToUtc } from "../../time/new-york";

/** The hard limits of live trading (from {@link LiveConfig}). */
export type LiveLimits = Pick<LiveConfig, "maxContractsPerOrder" | "maxOpenPositions" | "dailyLossStopCents">;

/** The New York midnight starting `now`'s New York date, ms since epoch. */
const nyDayStart = (now: number): number => nyWallTimeToUtc(nyDate(now), 0);

/**
 * Net realised P&L (after every fee) of live positions closed on `now`'s New York date, cents (a
 * loss is negative): closes and settlements alike, each position as its events say.
 */
export async function liveRealizedToday(orders: PaperOrderStore, now: number): Promise<number> {
  const closed = await orders.listClosedPositions({ since: nyDayStart(now) });
  return closed.filter((p) => p.mode === "live").reduce((sum, p) => sum + realizedPnl(p).netCents, 0);
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
