import { beforeAll, describe, expect, it } from "vitest";
import { defaultBacktestInputs } from "../../support/backtest-inputs";
import {
  lookAheadWatch,
  marketHistoryStart,
  runBacktest,
  type BacktestOptions,
  type BacktestResult,
} from "@stratdeck/sim/backtest";
import type { AppConfig } from "@stratdeck/core/config";
import { DynamicMarket, type MarketHistoryOptions } from "@stratdeck/sim/market";
import type { StrategiesConfig } from "@stratdeck/core/strategies";
import { daysBetween, nyDate, settlementInstant } from "@stratdeck/core/time";

const FROM = "2025-03-03";
const TO = "2025-04-04";
let strategies: StrategiesConfig;
let config: AppConfig;

beforeAll(async () => {
  ({ strategies, config } = await defaultBacktestInputs());
});

function marketFor(seed: number, extra: Partial<MarketHistoryOptions> = {}): DynamicMarket {
  return new DynamicMarket({ seed, start: marketHistoryStart(FROM), ...extra });
}

async function backtest(
  seed: number,
  options: Partial<BacktestOptions> = {},
  extra: Partial<MarketHistoryOptions> = {},
): Promise<BacktestResult> {
  return runBacktest(
    { market: marketFor(seed, extra), strategies, config },
    { from: FROM, to: TO, seed, ...options },
  );
}

describe("backtest over the unrigged market", () => {
  let first: BacktestResult;

  beforeAll(async () => {
    first = await backtest(1);
  }, 120_000);

  it("runs the scheduled jobs on every trading day and trades", () => {
    expect(first.tradingDays).toBe(25); // March 3 – April 4 2025, no holiday
    expect(first.runs["ideas"]).toBe(25 * 11); // 10:00–15:00 every 30 min
    expect(first.runs["exits"]).toBe(25 * 77);
    expect(first.runs["health"]).toBeUndefined();
    expect(first.trades.length).toBeGreaterThan(3);
    expect(first.equity.map((p) => p.date)).toHaveLength(25);
  });

  it("is deterministic: the same seed and range give identical JSON, another seed does not", async () => {
    const again = await backtest(1);
    expect(JSON.stringify(again)).toBe(JSON.stringify(first));
    const other = await backtest(2);
    expect(JSON.stringify(other.trades)).not.toBe(JSON.stringify(first.trades));
  }, 240_000);

  it("reconciles: the trades' net P&L sums to the equity curve's end and the stats", () => {
    const sum = first.trades.reduce((a, t) => a + t.netPnlCents, 0);
    expect(first.equity.at(-1)?.equityCents).toBe(sum);
    expect(first.equity.at(-1)?.openPositions).toBe(0);
    expect(first.stats.overall.totalNetPnlCents).toBe(sum);
    const byStrategy = Object.values(first.stats.byStrategy).reduce((a, s) => a + s.totalNetPnlCents, 0);
    expect(byStrategy).toBe(sum);
    for (const t of first.trades) {
      expect(t.exit).not.toBeNull();
      // Fees are charged: every entry pays commissions and exchange fees, and the position's total
      // is what its two orders carry.
      expect(t.feesCents).toBeGreaterThan(0);
      expect(t.feesCents).toBe((t.entry.feesCents ?? 0) + (t.exit?.feesCents ?? 0));
      expect(t.netPnlCents).toBe(t.grossPnlCents - t.feesCents);
      // Realised P&L: entry credit less exit debit, × 100 shares, in cents, less fees (to the cent).
      const exact = (t.entry.price - (t.exit?.price ?? 0)) * 100 * 100 * t.quantity - t.feesCents;
      expect(Math.abs(t.netPnlCents - exact)).toBeLessThanOrEqual(1);
    }
  });

  it("never looks ahead: no price read is stamped after its read, and a different future changes no earlier entry", async () => {
    for (const t of first.trades)
      expect(Date.parse(t.entry.quoteTime)).toBeLessThanOrEqual(Date.parse(t.entry.time));
    const watch = lookAheadWatch();
    const cut = "2025-03-20";
    const forked = await backtest(1, { lookAhead: watch }, { fork: { from: cut, seed: 777 } });
    expect(watch.reads).toBeGreaterThan(10_000);
    expect(watch.violations).toEqual([]);
    const before = (r: BacktestResult) =>
      r.trades
        .filter((t) => t.entry.time < `${cut}T00:00`)
        .map((t) => ({ id: t.positionId, entry: t.entry, legs: t.legs.map((l) => l.entryPrice) }));
    expect(before(forked).length).toBeGreaterThan(0);
    expect(before(forked)).toEqual(before(first));
    const after = (r: BacktestResult) =>
      JSON.stringify(r.trades.filter((t) => t.entry.time >= `${cut}T00:00`));
    expect(after(forked)).not.toBe(after(first));
  }, 240_000);
});

describe("settlement through the backtest", () => {
  it("settles an expiry at the settlement instant, at the index printed then, legs at intrinsic value", async () => {
    // Seed 1 holds condors through the early-April 2025 sell-off of this synthetic market: some expire in the money.
    const seed = 1;
    const r = await backtest(seed, { exitPolicy: "hold-to-expiry", to: "2025-05-02" });
    const settled = r.trades.filter((t) => t.reason === "expiry");
    expect(settled.length).toBeGreaterThan(0);
    const market = marketFor(seed);
    let inTheMoney = 0;
    for (const t of settled) {
      const at = settlementInstant(t.expiration, t.settlement);
      const price = market.spotAt(t.underlying, at);
      expect(t.exit?.underlyingPrice).toBe(price);
      // Booked at the settlement instant itself, and held until then.
      expect(Date.parse(t.exit?.time ?? "")).toBe(at);
      expect(t.daysHeld).toBe(daysBetween(nyDate(Date.parse(t.entry.time)), t.expiration));
      t.legs.forEach((l) => {
        const intrinsic =
          l.optionType === "P" ? Math.max(0, l.strike - price) : Math.max(0, price - l.strike);
        expect(l.exitPrice).toBeCloseTo(intrinsic, 6);
        if (l.side === "short" && intrinsic > 0) inTheMoney += 1;
      });
    }
    expect(inTheMoney).toBeGreaterThan(0);
  }, 240_000);
});
