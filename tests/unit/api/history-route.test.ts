import { describe, expect, it } from "vitest";
import { handleApiRequest } from "@stratdeck/core/api";
import type { HistoryReport, MemoryPaperOrderStore } from "@stratdeck/core/ledger";
import { seed } from "../ledger/fake-market";
import { memoryApiDeps, request } from "./api-fixtures";

/** Opens (1 spread at 1.50) and closes a position at the debit giving `gross` (cents), with exit fees. */
async function trade(
  orders: MemoryPaperOrderStore,
  key: string,
  gross: number,
  exitFees: number,
  closedAt: number,
) {
  const id = await seed(orders, 1.5, "2027-01-08", { idempotencyKey: key, entryFeesCents: 300 });
  const position = (await orders.getPosition(id))!;
  await orders.close({
    positionId: id,
    order: {
      time: closedAt,
      underlying: "SPX",
      strategy: position.strategy,
      side: "debit",
      quantity: 1,
      price: 1.5 - gross / 10_000,
      underlyingPrice: 6000,
      mode: "paper",
      legs: [],
      idempotencyKey: `${id}|close`,
      reason: "manual",
    },
    exitFeesCents: exitFees,
    closeReason: gross > 0 ? "profit-target" : "max-loss",
  });
  return id;
}

describe("GET /history", () => {
  it("pages the trades newest first; totals, win rate, averages, drawdown and the curve cover all", async () => {
    const deps = memoryApiDeps();
    const orders = deps.orders as MemoryPaperOrderStore;
    const t = Date.parse("2026-11-25T16:00:00Z");
    // Net: +9,500 − 300 − 200 = +9,000; −20,000 − 300 − 100 = −20,400; +5,000 − 300 − 0 = +4,700.
    await trade(orders, "a", 9_500, 200, t);
    await trade(orders, "b", -20_000, 100, t + 60_000);
    await trade(orders, "c", 5_000, 0, t + 120_000);
    await seed(orders, 1.5, "2027-01-08", { idempotencyKey: "still-open" });
    const r = await handleApiRequest(deps, request("GET", "/history", { query: { limit: "2" } }));
    expect(r.status).toBe(200);
    const h = r.body as HistoryReport;
    expect(h.trades.map((x) => x.netCents)).toEqual([4_700, -20_400]);
    expect(h.nextCursor).toBe("2");
    expect(h.totals).toEqual({
      trades: 3,
      grossCents: 9_500 - 20_000 + 5_000,
      feesCents: 900 + 300,
      netCents: 9_000 - 20_400 + 4_700,
      wins: 2,
      losses: 1,
      breakEvens: 0,
      winRate: 2 / 3,
      avgWinCents: Math.round((9_000 + 4_700) / 2),
      avgLossCents: -20_400,
      maxDrawdownCents: 20_400,
    });
    expect(h.equityCurve.map((p) => p.cumulativeNetCents)).toEqual([9_000, -11_400, -6_700]);
    const next = await handleApiRequest(
      deps,
      request("GET", "/history", { query: { limit: "2", cursor: "2" } }),
    );
    const page2 = next.body as HistoryReport;
    expect(page2.trades.map((x) => x.netCents)).toEqual([9_000]);
    expect(page2.nextCursor).toBeUndefined();
    expect(page2.trades[0]).toMatchObject({
      exitReason: "profit-target",
      holdMs: t - page2.trades[0]!.openedAt,
    });
  });

  it("rejects a bad limit or cursor naming the field, and needs the token", async () => {
    const deps = memoryApiDeps();
    const bad = await handleApiRequest(deps, request("GET", "/history", { query: { cursor: "abc" } }));
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/cursor/);
    const big = await handleApiRequest(deps, request("GET", "/history", { query: { limit: "501" } }));
    expect(big.status).toBe(400);
    expect(JSON.stringify(big.body)).toMatch(/limit/);
    const anon = await handleApiRequest(deps, { ...request("GET", "/history"), headers: {} });
    expect(anon.status).toBe(401);
  });
});
