import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "@stratdeck/sim";
import { DEFAULT_FEE_SCHEDULE, orderFees } from "@stratdeck/core/ledger";
import { FakeClock } from "@stratdeck/core/time";
import { accessToken, call, items } from "./rest-client";

let sim: RunningSimulator;
let token: string;
const NOW = "2026-03-10T15:00:00Z";

beforeAll(async () => {
  sim = await startSimulator({ clock: new FakeClock(NOW), seed: 5, accessTokenTtlSeconds: 900 });
  sim.market.setWalk(false);
  token = await accessToken(sim);
});
afterAll(async () => {
  await sim.stop();
});

type Strike = { "strike-price": string; put: string; "put-streamer-symbol": string };

/** Two adjacent put strikes below spot of the underlying's first expiration: [short, long]. */
async function putPair(underlying: string): Promise<[Strike, Strike]> {
  const [chain] = items(await call(sim, "GET", `/option-chains/${underlying}/nested`, { token }));
  const expirations = (chain as { expirations: { strikes: Strike[] }[] }).expirations;
  const strikes = expirations[expirations.length > 3 ? 3 : 0]!.strikes;
  const spot = sim.market.spot(underlying);
  const below = strikes.filter((s) => Number(s["strike-price"]) < spot * 0.98);
  return [below[below.length - 1]!, below[below.length - 2]!];
}

/** The simulator's dry-run fees, and core's fee model on the same legs at the simulator's mids, in cents. */
async function bothFees(underlying: string, quantity: number, opening: boolean) {
  const [short, long] = await putPair(underlying);
  const act = (sell: boolean) =>
    sell ? (opening ? "Sell to Open" : "Sell to Close") : opening ? "Buy to Open" : "Buy to Close";
  // Opening: sell the short, buy the long; closing: buy the short back, sell the long.
  const legs = [
    { strike: short, sell: opening },
    { strike: long, sell: !opening },
  ];
  const r = await call(sim, "POST", "/accounts/5WT00001/orders/dry-run", {
    token,
    body: {
      "time-in-force": "Day",
      "order-type": "Limit",
      price: "0.5",
      "price-effect": opening ? "Credit" : "Debit",
      legs: legs.map((l) => ({
        "instrument-type": "Equity Option",
        symbol: l.strike.put,
        quantity,
        action: act(l.sell),
      })),
    },
  });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  const fc = (r.json.data as Record<string, Record<string, string>>)["fee-calculation"]!;
  const cents = (k: string) => Math.round(Number(fc[k]) * 100);
  const sim_ = {
    commissionCents: cents("commission"),
    clearingCents: cents("clearing-fees"),
    regulatoryCents: cents("regulatory-fees"),
    proprietaryCents: cents("proprietary-index-option-fees"),
    totalCents: cents("total-fees"),
  };
  const core = orderFees(DEFAULT_FEE_SCHEDULE, {
    underlying,
    kind: opening ? "open" : "close",
    quantity,
    multiplier: 100,
    legs: legs.map((l) => ({
      action: l.sell ? ("sell" as const) : ("buy" as const),
      ratio: 1,
      price: sim.market.optionQuote(l.strike["put-streamer-symbol"])!.mid,
    })),
    at: Date.parse(NOW),
  });
  return { sim: sim_, core };
}

describe("the simulator's broker charges tastytrade's published schedule, as core's fee model does", () => {
  it("SPX, XSP below and from its 10-contract tier, RUT and NDX, opening and closing: the same fees", async () => {
    for (const [underlying, quantity, opening] of [
      ["SPX", 2, true],
      ["SPX", 3, false],
      ["XSP", 1, true],
      ["XSP", 10, true],
      ["RUT", 1, false],
      ["NDX", 12, true],
    ] as const) {
      const { sim: s, core } = await bothFees(underlying, quantity, opening);
      expect(s, `${underlying} × ${quantity} ${opening ? "open" : "close"}`).toEqual(core);
    }
  });

  it("XSP from 10 contracts a leg pays $0.07 a contract, no commission cap on index options", async () => {
    const { sim: ten } = await bothFees("XSP", 10, true);
    expect(ten.proprietaryCents).toBe(2 * 10 * 7);
    expect(ten.commissionCents).toBe(2 * 10 * 100);
  });
});
