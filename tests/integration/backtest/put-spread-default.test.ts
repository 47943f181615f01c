import { beforeAll, describe, expect, it } from "vitest";
import { defaultBacktestInputs } from "../../support/backtest-inputs";
import { marketHistoryStart, runBacktest, type BacktestResult } from "@stratdeck/sim/backtest";
import type { AppConfig } from "@stratdeck/core/config";
import { DynamicMarket, UNDERLYING_DYNAMICS } from "@stratdeck/sim/market";
import type { StrategiesConfig, StrategyRules } from "@stratdeck/core/strategies";

const FROM = "2025-01-02";
const TO = "2025-04-30";
const PUT = "short_put_spread_index_45d";
let strategies: StrategiesConfig;
let config: AppConfig;

beforeAll(async () => {
  ({ strategies, config } = await defaultBacktestInputs());
});

/** The shipped put spread (or a variant of it) alone, on SPX in the calibrated synthetic market. */
async function putSpread(patch: Partial<StrategyRules> = {}): Promise<BacktestResult> {
  const rules = { ...strategies.strategies[PUT]!, underlyings: ["SPX" as const], ...patch };
  const market = new DynamicMarket({
    seed: 1,
    start: marketHistoryStart(FROM),
    underlyings: { SPX: UNDERLYING_DYNAMICS.SPX! },
  });
  return runBacktest(
    { market, strategies: { ...strategies, strategies: { [PUT]: rules } }, config },
    { from: FROM, to: TO, seed: 1, strategy: PUT },
  );
}

describe("the default short put spread on SPX in the calibrated market", () => {
  it("trades, every entry clearing min_credit_per_width 0.15, while its filters still refuse candidates", async () => {
    const rules = strategies.strategies[PUT]!;
    expect(rules.shortDelta.target).toBe(0.3);
    expect(rules.filters.minCreditPerWidth).toBe(0.15);
    const r = await putSpread();
    expect(r.trades.length).toBeGreaterThan(0);
    for (const t of r.trades) {
      const width = Math.abs(t.legs[0]!.strike - t.legs[1]!.strike);
      expect(width).toBe(25);
      expect(t.entry.price / width).toBeGreaterThanOrEqual(0.15);
    }
    // The filters were not switched off: some candidates failed one (min_pop, min_ivr).
    const screen = r.screening?.find((s) => s.strategy === PUT);
    const filtered = Object.entries(screen?.counts ?? {}).filter(([cause]) => !cause.includes(":"));
    expect(filtered.reduce((n, [, c]) => n + c, 0)).toBeGreaterThan(0);
  }, 300_000);

  it("at the 20 delta it had before, the same market refuses every candidate on min_credit_per_width", async () => {
    const r = await putSpread({ shortDelta: { target: 0.2, min: 0.12, max: 0.3 } });
    expect(r.trades).toEqual([]);
    expect(r.noTrade).toEqual([expect.objectContaining({ strategy: PUT, top: "min_credit_per_width" })]);
    const n = r.noTrade[0]!;
    expect(n.counts["min_credit_per_width"]).toBe(n.candidates);
  }, 300_000);
});
