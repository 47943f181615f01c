import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { AppConfig } from "@stratdeck/core/config";
import { paperSimConfig } from "../../support/backtest-inputs";
import { blackScholes, MS_PER_YEAR } from "@stratdeck/core/pricing";
import { loadStrategiesFile, type StrategiesConfig } from "@stratdeck/core/strategies";
import {
  HistoryMarket,
  parseDailyCsv,
  runBacktest,
  tradingDaysBetween,
  type BacktestResult,
} from "@stratdeck/sim/backtest";

// A made-up history: SPX flat at 6000 (open = high = low = close) from Monday 2025-01-06 to the
// day before Friday 2025-02-21, then the day's bar is `lastClose`; the VIX flat at 20.
const FROM = "2025-01-06";
const TO = "2025-02-21";
const DAYS = tradingDaysBetween(FROM, TO);

function files(lastClose: number): { spx: string; vix: string } {
  const spx = DAYS.map((d) => {
    const p = d === TO ? lastClose : 6000;
    return `${d},${p},${p},${p},${p},${p},0`;
  });
  const vix = DAYS.map((d) => `${d.slice(5, 7)}/${d.slice(8)}/${d.slice(0, 4)},20,20,20,20`);
  return {
    spx: ["Date,Open,High,Low,Close,Adj Close,Volume", ...spx].join("\n"),
    vix: ["DATE,OPEN,HIGH,LOW,CLOSE", ...vix].join("\n"),
  };
}

let strategies: StrategiesConfig;
let config: AppConfig;

beforeAll(async () => {
  const base = await loadStrategiesFile(join(process.cwd(), "strategies.yaml"));
  const rules = base.strategies.short_put_spread_index_45d;
  if (!rules) throw new Error("strategies.yaml has no short_put_spread_index_45d");
  // One strategy on SPX, 46 DTE (2025-01-06 → Friday 2025-02-21), every filter off (no IV-rank history).
  strategies = {
    ...base,
    strategies: {
      short_put_spread_index_45d: {
        ...rules,
        underlyings: ["SPX"],
        dte: { target: 46, min: 40, max: 50 },
        // The hand computation below is of a 20-delta short (the replay, not the default, is tested).
        shortDelta: { target: 0.2, min: 0.12, max: 0.3 },
        filters: { minCreditPerWidth: null, minPop: null, minIvr: null },
        quantity: 1,
      },
    },
  };
  config = paperSimConfig();
});

async function replay(lastClose: number): Promise<BacktestResult> {
  const f = files(lastClose);
  const market = HistoryMarket.create({
    underlying: "SPX",
    history: parseDailyCsv(f.spx, "spx.csv"),
    vol: parseDailyCsv(f.vix, "vix.csv"),
    days: DAYS,
    seed: 1,
  });
  return runBacktest(
    { market, strategies, config },
    { from: FROM, to: TO, seed: 1, marketKind: "history", exitPolicy: "hold-to-expiry" },
  );
}

/**
 * The short strike by hand: the documented surface (ATM = 0.875 × VIX, flat term structure; the
 * calibrated smile σ = σ_atm (1 − s z + c z²) with s = 0.27 × (σ_atm / 0.17)^0.2, c = 0.045 for
 * puts, z = ln(K/F) / (σ_atm √T)), Black-Scholes delta at 10:00 New York on 2025-01-06 (the first
 * ideas run) to 16:00 on 2025-02-21 (SPXW settles at the close), r = 4.3 %, q = 1.3 %; the 5-point
 * strike whose |delta| is nearest 0.20.
 */
function shortStrikeByHand(): number {
  const years = (Date.parse("2025-02-21T21:00:00Z") - Date.parse("2025-01-06T15:00:00Z")) / MS_PER_YEAR;
  const forward = 6000 * Math.exp((0.043 - 0.013) * years);
  const atm = 0.875 * 0.2;
  const skew = 0.27 * Math.pow(atm / 0.17, 0.2);
  let best = { strike: 0, miss: Infinity };
  for (let k = 5525; k <= 6000; k += 5) {
    const z = Math.log(k / forward) / (atm * Math.sqrt(years));
    const vol = Math.max(0.5 * atm, atm * (1 - skew * z + 0.045 * z * z));
    const d = blackScholes({
      right: "P",
      spot: 6000,
      strike: k,
      years,
      vol,
      rate: 0.043,
      dividendYield: 0.013,
    });
    const miss = Math.abs(Math.abs(d.delta) - 0.2);
    if (miss < best.miss) best = { strike: k, miss };
  }
  return best.strike;
}

describe("replay of a made-up daily history, trades computed by hand", () => {
  it("enters once at the first ideas run, holds to the 2025-02-21 settlement at the close and loses the full width when SPX closes at 5000", async () => {
    const r = await replay(5000);
    expect(r.market).toBe("history");
    expect(r.tradingDays).toBe(32); // Jan 6 – Feb 21 2025 less Jan 9 (national day of mourning) and MLK day
    expect(r.trades).toHaveLength(1);
    const t = r.trades[0];
    if (!t) throw new Error("no trade");
    const short = shortStrikeByHand();
    expect([t.underlying, t.root, t.expiration, t.settlement]).toEqual(["SPX", "SPXW", "2025-02-21", "PM"]);
    expect(t.entry.time).toBe("2025-01-06T15:00:00.000Z");
    expect(t.entry.underlyingPrice).toBe(6000);
    expect(t.legs.map((l) => [l.side, l.optionType, l.strike])).toEqual([
      ["short", "P", short],
      ["long", "P", short - 25],
    ]);
    // Settled at 5000: the short put is worth K − 5000, the long K − 25 − 5000; the spread 25.
    expect(t.legs.map((l) => l.exitPrice)).toEqual([short - 5000, short - 25 - 5000]);
    expect(t.exit?.underlyingPrice).toBe(5000);
    expect(t.daysHeld).toBe(46);
    // USD per share × 100 shares × 100 cents.
    expect(t.grossPnlCents).toBe(Math.round((t.entry.price - 25) * 100 * 100));
    expect(t.netPnlCents).toBe(t.grossPnlCents - t.feesCents);
    expect(t.feesCents).toBeGreaterThan(0);
    expect(r.stats.overall.worstTradeCents).toBe(t.netPnlCents);
    expect(r.noTrade).toEqual([]);
    // Buy-and-hold of the peak risk (the one trade's max loss) loses 1/6 of it.
    expect(r.buyAndHold.notionalCents).toBe(t.maxLossCents);
    expect(r.buyAndHold.equityCents.at(-1)).toBe(Math.floor(t.maxLossCents * (5000 / 6000 - 1)));
  }, 120_000);

  it("keeps the whole credit less fees when SPX closes at 6000 on the expiry", async () => {
    const r = await replay(6000);
    expect(r.trades).toHaveLength(1);
    const t = r.trades[0];
    if (!t) throw new Error("no trade");
    expect(t.legs.map((l) => l.exitPrice)).toEqual([0, 0]);
    expect(t.grossPnlCents).toBe(Math.round(t.entry.price * 100 * 100));
    expect(t.netPnlCents).toBe(t.grossPnlCents - t.feesCents);
    expect(r.buyAndHold.equityCents.at(-1)).toBe(0);
  }, 120_000);
});
