import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadStrategiesFile, type StrategiesConfig } from "@stratdeck/core/strategies";
import { applySweepCell, parseSweep, sweepGrid, SweepKeyError } from "@stratdeck/sim/backtest";

let config: StrategiesConfig;
const scanned = ["short_put_spread_index_45d", "iron_condor_index_30d"];
beforeAll(async () => {
  config = await loadStrategiesFile(join(process.cwd(), "strategies.yaml"));
});

describe("--sweep keys", () => {
  it("parses KEY=a,b,c in strategies.yaml's spelling, for every scanned strategy or one named", () => {
    expect(parseSweep("filters.min_credit_per_width=0.1,0.12", config, scanned)).toEqual({
      key: "filters.min_credit_per_width",
      values: [0.1, 0.12],
    });
    expect(parseSweep("iron_condor_index_30d.short_delta.target=0.1, 0.16", config, scanned).values).toEqual([
      0.1, 0.16,
    ]);
  });

  it("refuses a key that is no numeric rule, naming it and the known keys; and bad values", () => {
    expect(() => parseSweep("filters.min_gamma=1,2", config, scanned)).toThrow(SweepKeyError);
    expect(() => parseSweep("filters.min_gamma=1,2", config, scanned)).toThrow(
      /--sweep key "filters.min_gamma" is not a numeric rule of short_put_spread_index_45d \(known: .*filters.min_pop/,
    );
    expect(() => parseSweep("underlyings=1", config, scanned)).toThrow(/"underlyings" is not a numeric rule/);
    expect(() => parseSweep("dte.target=30,x", config, scanned)).toThrow(/values must be numbers/);
    expect(() => parseSweep("dte.target", config, scanned)).toThrow(/--sweep must be KEY=a,b,c/);
  });

  it("a grid of two axes is their product, the first varying slowest; a cell sets only its strategies", () => {
    const a = parseSweep("dte.target=30,40", config, scanned);
    const b = parseSweep("iron_condor_index_30d.filters.min_pop=0.5,0.6,0.7", config, scanned);
    const grid = sweepGrid([a, b]);
    expect(grid).toHaveLength(6);
    expect(grid[1]).toEqual({ "dte.target": 30, "iron_condor_index_30d.filters.min_pop": 0.6 });
    const applied = applySweepCell(config, grid[1] ?? {}, scanned);
    expect(applied.strategies.short_put_spread_index_45d?.dte.target).toBe(30);
    expect(applied.strategies.iron_condor_index_30d?.dte.target).toBe(30);
    expect(applied.strategies.iron_condor_index_30d?.filters.minPop).toBe(0.6);
    expect(applied.strategies.short_put_spread_index_45d?.filters.minPop).toBe(
      config.strategies.short_put_spread_index_45d?.filters.minPop,
    );
    expect(config.strategies.iron_condor_index_30d?.dte.target).toBe(30); // unchanged input (yaml: 30)
    expect(config.strategies.short_put_spread_index_45d?.dte.target).toBe(45);
  });
});
