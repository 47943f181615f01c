import { beforeAll, describe, expect, it } from "vitest";
import { defaultBacktestInputs } from "../../support/backtest-inputs";
import { marketHistoryStart, runBacktest, type BacktestDeps } from "@stratdeck/sim/backtest";
import type { AppConfig } from "@stratdeck/core/config";
import { DynamicMarket } from "@stratdeck/sim/market";
import type { StrategiesConfig } from "@stratdeck/core/strategies";
import { ReferencePaperOrderStore } from "../../support/reference-paper-order-store";

// The backtest's fast paths (the memory order log's indexes and shared partitions) must not change
// a figure: the same run on the reference paths gives the same JSON, byte for byte.
const FROM = "2025-03-03";
const TO = "2025-04-04";
const SEED = 1;
let strategies: StrategiesConfig;
let config: AppConfig;

beforeAll(async () => {
  ({ strategies, config } = await defaultBacktestInputs());
});

const run = (extra: Partial<BacktestDeps>) =>
  runBacktest(
    {
      market: new DynamicMarket({ seed: SEED, start: marketHistoryStart(FROM) }),
      strategies,
      config,
      ...extra,
    },
    { from: FROM, to: TO, seed: SEED },
  );

describe("backtest fast paths against the reference paths", () => {
  it("gives the same result on the reference order log (full scans, structuredClone, no shared reads)", async () => {
    const fast = await run({});
    const reference = await run({ orders: new ReferencePaperOrderStore() });
    // The run exercises the log: entries, exit closes and settlements.
    expect(fast.trades.length).toBeGreaterThan(3);
    expect(new Set(fast.trades.map((t) => t.reason)).size).toBeGreaterThan(1);
    expect(JSON.stringify(fast)).toBe(JSON.stringify(reference));
  }, 240_000);
});
