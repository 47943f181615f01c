import { describe, expect, it } from "vitest";
import { planSubscriptions, SubscriptionPlanner } from "@stratdeck/core/stream";
import type { PositionRecord } from "@stratdeck/core/ledger";
import { silentLog } from "@stratdeck/core/log";
import { FakeClock } from "@stratdeck/core/time";
import { chain } from "./chain-fixture";

const spx = chain(
  "SPX",
  "SPXW",
  ["2026-12-01", "2026-12-18", "2027-03-19"],
  [5600, 5800, 5900, 6000, 6100, 6400],
);
const position = {
  underlying: "RUT",
  legs: [{ streamerSymbol: ".RUTW261218P2000" }, { streamerSymbol: ".RUTW261218P1990" }],
} as unknown as Pick<PositionRecord, "underlying" | "legs">;

describe("subscription plan", () => {
  const base = {
    window: { underlyings: ["SPX" as const], minDte: 7, maxDte: 45 },
    positions: [position],
    chains: new Map([["SPX", spx]]),
    spotOf: (u: string) => (u === "SPX" ? 5950 : undefined),
    today: "2026-11-25",
  };

  it("streams underlyings, position legs and strikes in the band for expirations in the DTE window", () => {
    const plan = planSubscriptions({ ...base, options: { bandFraction: 0.03 } });
    const symbols = (t: string) => plan.entries.filter((e) => e.type === t).map((e) => e.symbol);
    expect(symbols("Summary")).toEqual(["SPX", "RUT"]);
    expect(symbols("Greeks")).toEqual([
      ".RUTW261218P2000",
      ".RUTW261218P1990",
      ".SPXW261218C5900",
      ".SPXW261218C6000",
      ".SPXW261218P5900",
      ".SPXW261218P6000",
      ".SPXW261218C5800",
      ".SPXW261218C6100",
      ".SPXW261218P5800",
      ".SPXW261218P6100",
    ]);
    expect(plan).toMatchObject({ strategySymbols: 8, positionSymbols: 2, pending: [] });
  });

  it("caps strategy symbols, nearest strikes first, but always keeps position legs", () => {
    const plan = planSubscriptions({ ...base, options: { bandFraction: 0.1, maxOptionSymbols: 2 } });
    expect(plan.strategySymbols).toBe(2);
    expect(plan.entries.filter((e) => e.type === "Quote").map((e) => e.symbol)).toEqual([
      "SPX",
      "RUT",
      ".RUTW261218P2000",
      ".RUTW261218P1990",
      ".SPXW261218C5900",
      ".SPXW261218C6000",
    ]);
  });

  it("marks an underlying pending until the stream has its spot", () => {
    const plan = planSubscriptions({ ...base, spotOf: () => undefined });
    expect(plan).toMatchObject({ strategySymbols: 0, pending: ["SPX"] });
  });

  it("keeps the last chain when a chain fetch fails", async () => {
    let fail = false;
    const planner = new SubscriptionPlanner(
      {
        streamWindow: () => base.window,
        openPositions: async () => [],
        getChain: async () => {
          if (fail) throw new Error("429");
          return spx;
        },
        spotOf: base.spotOf,
      },
      new FakeClock("2026-11-25T15:00:00Z"),
      silentLog,
    );
    const first = await planner.plan();
    fail = true;
    const second = await planner.plan();
    expect(second.entries).toEqual(first.entries);
    expect(second.strategySymbols).toBeGreaterThan(0);
  });
});

describe("subscription plan with a strategy OTM target", () => {
  it("picks only out-of-the-money options, closest to the target distance first, within the cap", () => {
    const strikes = [5500, 5600, 5700, 5750, 5800, 5900, 6000, 6100, 6200, 6250, 6300, 6400];
    const spx = chain("SPX", "SPXW", ["2026-12-18"], strikes);
    const plan = planSubscriptions({
      window: { underlyings: ["SPX"], minDte: 7, maxDte: 45 },
      positions: [],
      chains: new Map([["SPX", spx]]),
      spotOf: () => 6000,
      today: "2026-11-25",
      options: { bandFraction: 0.1, maxOptionSymbols: 4, targetOtmFraction: 0.045 },
    });
    const options = plan.entries.filter((e) => e.type === "Greeks").map((e) => e.symbol);
    // 4.5% OTM of 6000 = 5730 (puts) and 6270 (calls): 5750P/6250C (20 away) then 5700P/6300C (30 away).
    expect(options.sort()).toEqual([
      ".SPXW261218C6250",
      ".SPXW261218C6300",
      ".SPXW261218P5700",
      ".SPXW261218P5750",
    ]);
  });
});
