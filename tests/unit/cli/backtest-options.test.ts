import { describe, expect, it } from "vitest";
import { parseBacktestOptions } from "../../../packages/cli/src/commands/backtest-options";

const ok = { from: "2025-01-02", to: "2025-12-31" };

describe("stratdeck backtest options", () => {
  it("accepts a range with defaults: seed 1, every strategy, close on alerts", () => {
    expect(parseBacktestOptions(ok)).toEqual({
      from: "2025-01-02",
      to: "2025-12-31",
      seed: 1,
      strategy: undefined,
      exitPolicy: "close-on-alert",
      html: undefined,
      replay: undefined,
      seeds: 1,
      sweep: [],
      json: false,
    });
    const r = parseBacktestOptions({
      ...ok,
      seed: "42",
      strategy: "iron_condor_index_30d",
      exits: "hold-to-expiry",
    });
    expect([r.seed, r.strategy, r.exitPolicy]).toEqual([42, "iron_condor_index_30d", "hold-to-expiry"]);
  });

  it.each([
    [{ to: "2025-01-31" }, /--from is required/],
    [{ from: "2025-01-02" }, /--to is required/],
    [{ ...ok, from: "2025-13-02" }, /--from must be a real date YYYY-MM-DD, got "2025-13-02"/],
    [{ ...ok, to: "2025-02-30" }, /--to must be a real date/],
    [{ ...ok, from: "02/01/2025" }, /--from must be a real date/],
    [{ from: "2025-03-01", to: "2025-02-01" }, /--to \(2025-02-01\) is before --from \(2025-03-01\)/],
    [{ from: "2015-01-01", to: "2025-01-01" }, /span 3653 days; at most 1830/],
    [
      { from: "2025-01-04", to: "2025-01-05" },
      /no NYSE trading day between --from 2025-01-04 and --to 2025-01-05/,
    ],
    [{ ...ok, seed: "1.5" }, /--seed must be an integer, got "1.5"/],
    [{ ...ok, seed: "abc" }, /--seed must be an integer/],
    [{ ...ok, strategy: "wheel" }, /--strategy must be one of .* or all, got "wheel"/],
    [{ ...ok, exits: "never" }, /--exits must be close-on-alert or hold-to-expiry, got "never"/],
    [{ ...ok, html: " " }, /--html needs a file path/],
    [{ ...ok, replay: "" }, /--replay needs a file path/],
    [{ ...ok, vol: "vix.csv" }, /--vol, --vol9d, --vol3m and --underlying need --history/],
    [{ ...ok, history: "spx.csv" }, /--history needs --vol/],
    [
      { ...ok, history: "spx.csv", vol: "v.csv", underlying: "DAX" },
      /--underlying must be one of SPX, RUT, NDX/,
    ],
    [
      { ...ok, history: "spx.csv", vol: "v.csv", replay: "r.gz" },
      /--history and --replay cannot be used together/,
    ],
    [{ ...ok, seeds: "0" }, /--seeds must be a whole number from 1 to 64, got "0"/],
    [{ ...ok, seeds: "2", sweep: ["dte.target=30,40"] }, /use --seeds or --sweep, not both/],
    [{ ...ok, sweep: ["a=1", "b=2", "c=3"] }, /--sweep takes one or two keys, got 3/],
    [{ ...ok, replay: "r.gz", seeds: "3" }, /--seeds and --sweep run the synthetic market or --history/],
    [{ ...ok, json: " " }, /--json needs a file path/],
  ])("rejects %j with an error naming the option", (input, message) => {
    expect(() => parseBacktestOptions(input)).toThrow(message);
  });
});
