import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLog } from "@stratdeck/core/log";
import { SIM_ACCOUNT_NUMBER, startSimulator, type RunningSimulator } from "@stratdeck/sim";
import { TastyRestClient } from "@stratdeck/core/tasty";
import { FakeClock } from "@stratdeck/core/time";

describe("TastyRestClient against the simulator", () => {
  let sim: RunningSimulator;
  let rest: TastyRestClient;
  beforeAll(async () => {
    const clock = new FakeClock("2026-03-10T15:00:00Z");
    sim = await startSimulator({ clock, seed: 11 });
    rest = new TastyRestClient({
      tasty: { clientSecret: "sim-secret", refreshToken: "sim-refresh", isTest: false, apiUrl: sim.restUrl },
      clock,
      log: silentLog,
      timeoutMs: 3_000,
    });
  });
  afterAll(async () => {
    await sim?.stop();
  });

  it("quotes 150 options in two batches the simulator accepts (≤100 each)", async () => {
    const chain = await rest.getNestedChain("SPX");
    const strikes = chain.roots.flatMap((r) => r.expirations.slice(0, 3).flatMap((e) => e.strikes));
    const occ = strikes.flatMap((s) => [s.putOcc, s.callOcc]).slice(0, 150);
    expect(occ).toHaveLength(150);
    const before = sim.stats().requests;
    const res = await rest.getMarketData({ index: ["SPX"], "equity-option": occ });
    expect(sim.stats().requests - before).toBe(2);
    expect(res.items).toHaveLength(151);
    expect(res.items.every((q) => q.bid !== undefined && q.ask !== undefined)).toBe(true);
  });

  it("lists the account and dry-runs a put spread (money in signed cents)", async () => {
    const [acct] = await rest.getAccounts();
    expect(acct?.accountNumber).toBe(SIM_ACCOUNT_NUMBER);
    const chain = await rest.getNestedChain("SPX");
    const exp = chain.roots.find((r) => r.root === "SPXW")!.expirations.find((e) => e.dte >= 7)!;
    const mid = Math.floor(exp.strikes.length / 2);
    const [lower, upper] = [exp.strikes[mid - 2]!, exp.strikes[mid]!];
    const r = await rest.dryRunOrder(SIM_ACCOUNT_NUMBER, {
      timeInForce: "Day",
      orderType: "Limit",
      price: 1.25,
      priceEffect: "Credit",
      legs: [
        { instrumentType: "Equity Option", symbol: upper.putOcc, quantity: 1, action: "Sell to Open" },
        { instrumentType: "Equity Option", symbol: lower.putOcc, quantity: 1, action: "Buy to Open" },
      ],
    });
    expect(r.buyingPowerChangeCents).toBeLessThan(0);
    expect(Number.isInteger(r.buyingPowerChangeCents)).toBe(true);
    expect(r.feesCents).toBeLessThan(0);
  });

  it("a rejected order is a validation error with sub-errors", async () => {
    const err = await rest
      .dryRunOrder(SIM_ACCOUNT_NUMBER, {
        timeInForce: "Day",
        orderType: "Limit",
        price: 1,
        priceEffect: "Credit",
        legs: [
          {
            instrumentType: "Equity Option",
            symbol: "SPXW  200101P05800000",
            quantity: 1,
            action: "Sell to Open",
          },
        ],
      })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: "validation", status: 422, code: "validation_error" });
    expect((err as { subErrors: unknown[] }).subErrors.length).toBeGreaterThan(0);
  });
});
