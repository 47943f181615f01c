import { describe, expect, it } from "vitest";
import {
  historyTotals,
  MemoryPaperOrderStore,
  outcomeOf,
  outcomeTally,
  type HistoryTrade,
} from "@stratdeck/core/ledger";
import { liveLimitBlocks } from "@stratdeck/core/venues/tastytrade";
import { tradeStats, type BacktestTrade } from "@stratdeck/sim/backtest";
import { seed, T0 } from "../fake-market";

describe("win, loss and break-even mean the same in history and the backtest", () => {
  const nets = [500, 0, -300];

  it("a net of exactly 0 is break-even in both, never a loss", () => {
    const history = historyTotals(
      nets.map(
        (netCents, i) =>
          ({
            positionId: `p${i}`,
            closedAt: i,
            grossCents: netCents,
            feesCents: 0,
            netCents,
            outcome: outcomeOf(netCents),
          }) as HistoryTrade,
      ),
    );
    const backtest = tradeStats(
      nets.map(
        (netPnlCents) =>
          ({
            netPnlCents,
            feesCents: 0,
            maxLossCents: 1_000,
            daysHeld: 1,
            entry: { time: "2026-12-01T15:00:00.000Z" },
            exit: { time: "2026-12-02T15:00:00.000Z" },
          }) as BacktestTrade,
      ),
      [0],
    );
    expect([history.wins, history.losses, history.breakEvens]).toEqual([1, 1, 1]);
    expect([backtest.wins, backtest.losses, backtest.breakEvens]).toEqual([1, 1, 1]);
    expect(backtest.avgLossCents).toBe(-300);
    // One tally behind both: the means and the win rate agree too.
    expect([history.avgWinCents, history.avgLossCents]).toEqual([
      backtest.avgWinCents,
      backtest.avgLossCents,
    ]);
    expect(backtest.winRate).toBe(Number(history.winRate.toFixed(4)));
  });

  it("means round to the cent and a loss-free set has no mean loss", () => {
    const tally = outcomeTally([101, 100, 0]);
    expect(tally).toMatchObject({ wins: 2, losses: 0, breakEvens: 1, wonCents: 201, lostCents: 0 });
    expect([tally.avgWinCents, tally.avgLossCents]).toEqual([Math.round(201 / 2), 0]);
    expect(tally.winRate).toBeCloseTo(2 / 3, 12);
  });
});

describe("the daily live loss stop counts net P&L, settlements included", () => {
  const limits = { maxContractsPerOrder: 10, maxOpenPositions: 10, dailyLossStopCents: 300 };
  const today = T0 + 3_600_000;

  /** A live position opened at 1.50 with 392 cents of fees. */
  const live = (orders: MemoryPaperOrderStore, key: string) =>
    seed(orders, 1.5, undefined, { idempotencyKey: key, mode: "live", entryFeesCents: 392 });

  it("a close that made 1.00 gross but lost 3.00 after fees reaches a $3 stop", async () => {
    const orders = new MemoryPaperOrderStore();
    const id = await live(orders, "a");
    // 1.50 credit, bought back at 1.49: +100 cents gross; 392 + 8 fees: net −300.
    await orders.appendEvent({
      eventId: "c",
      positionId: id,
      at: today,
      type: "fill",
      effect: "close",
      orderId: "c",
      orderQuantity: 1,
      quantity: 1,
      netPrice: -1.49,
      feesCents: 8,
    });
    expect((await orders.stateOf(id))?.netCents).toBe(-300);
    const blocks = await liveLimitBlocks(orders, limits, 1, today + 60_000);
    expect(blocks.map((b) => b.code)).toEqual(["live-daily-loss-stop"]);
  });

  it("a live position that expired through a settlement event counts too", async () => {
    const orders = new MemoryPaperOrderStore();
    const id = await live(orders, "b");
    await orders.appendEvent({
      eventId: "s",
      positionId: id,
      at: today,
      type: "settlement",
      quantity: 1,
      debit: 2,
      price: 5690,
      settlementAt: today - 60_000,
      source: "rest:close",
      approximate: false,
    });
    const blocks = await liveLimitBlocks(orders, limits, 1, today + 60_000);
    expect(blocks.map((b) => b.code)).toEqual(["live-daily-loss-stop"]);
    // Yesterday's losses do not count today.
    expect(await liveLimitBlocks(orders, limits, 1, today + 86_400_000)).toEqual([]);
  });
});
