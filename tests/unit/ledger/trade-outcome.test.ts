import { describe, expect, it } from "vitest";
import { historyTotals, netPnlCents, type HistoryTrade } from "@stratdeck/core/ledger";
import { tradeStats, type BacktestTrade } from "@stratdeck/sim/backtest";

const nets = [1_250, 0, -800, 0, 300];

const historyTrades = nets.map(
  (netCents, i) =>
    ({
      positionId: `p${i}`,
      closedAt: i,
      grossCents: netCents + 100,
      feesCents: 100,
      netCents,
    }) as HistoryTrade,
);
const backtestTrades = nets.map(
  (netPnlCents, i) =>
    ({
      positionId: `p${i}`,
      entry: { time: "2025-01-02T15:00:00.000Z" },
      maxLossCents: 10_000,
      daysHeld: 1,
      feesCents: 100,
      grossPnlCents: netPnlCents + 100,
      netPnlCents,
    }) as unknown as BacktestTrade,
);

describe("net P&L and a trade's outcome, one definition", () => {
  it("net = gross − fees, cents", () => {
    expect(netPnlCents(1_000, 354)).toBe(646);
    expect(netPnlCents(-1_000, 354)).toBe(-1_354);
  });

  it("history and the backtest classify the same trades the same way (net == 0 is neither)", () => {
    const h = historyTotals(historyTrades);
    const b = tradeStats(backtestTrades, [0]);
    expect({ wins: b.wins, losses: b.losses, winRate: b.winRate, avgLoss: b.avgLossCents }).toEqual({
      wins: h.wins,
      losses: h.losses,
      winRate: h.winRate,
      avgLoss: h.avgLossCents,
    });
    expect(b).toMatchObject({ trades: 5, wins: 2, losses: 1, winRate: 0.4, avgLossCents: -800 });
  });
});
