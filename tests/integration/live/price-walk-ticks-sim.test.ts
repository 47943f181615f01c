import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { executeOrder } from "@stratdeck/core/venues/tastytrade";
import { tickFor } from "@stratdeck/core/market-data";
import { liveSettings, liveSim } from "./live-sim";

/**
 * The live price walk against the simulator's tick rule (issue 23): SPXW prices are 0.05 apart
 * below 3.00 and 0.10 apart from 3.00 (the chain's `tick-sizes`), and tastytrade refuses an
 * off-tick price, dry runs included. A walk that starts below 3.00 and crosses it must only send
 * prices on the tick of their own level.
 */
let env: Awaited<ReturnType<typeof liveSim>>;
beforeEach(async () => {
  env = await liveSim();
});
afterEach(async () => {
  await env.sim.stop();
});

const SPXW_TICKS = [{ value: 0.05, threshold: 3 }, { value: 0.1 }];
const onTick = (p: number): boolean => {
  const t = tickFor(SPXW_TICKS, p);
  return Math.abs(p / t - Math.round(p / t)) < 1e-6;
};

describe("live price walk across 3.00 against the strict simulator", () => {
  it("a debit bought from 2.85 walks up past 3.00 on valid ticks only and fills at the ask", async () => {
    const chain = await env.rest.getNestedChain("SPX");
    const candidates = chain.roots
      .find((r) => r.root === "SPXW")!
      .expirations.filter((e) => e.dte >= 7)
      .flatMap((e) => e.strikes);
    // A put whose ask is a few ticks above 3.00, so the walk from 2.85 has to cross it.
    const strike = candidates.find((s) => {
      const ask = env.sim.market.optionQuote(s.putStreamer)?.ask ?? 0;
      return ask >= 3.3 && ask <= 3.6;
    })!;
    expect(strike).toBeDefined();
    const natural = env.sim.market.optionQuote(strike.putStreamer)!.ask;
    const start = 2.85;
    const r = await executeOrder(
      {
        broker: env.broker,
        clock: env.clock,
        log: env.log,
        sleep: env.sleep,
        settings: liveSettings({ walkSteps: 3, cancelAfterMs: 2_000, pollMs: 500 }),
      },
      {
        order: {
          underlying: "SPX",
          price: start,
          priceEffect: "Debit",
          timeInForce: "Day",
          orderType: "Limit",
          legs: [{ occSymbol: strike.putOcc, action: "BTO", quantity: 1 }],
        },
        tick: tickFor(SPXW_TICKS, start),
        tickSizes: SPXW_TICKS,
        natural,
      },
    );
    const prices = r.attempts.map((a) => a.price);
    expect(prices[0]).toBe(start);
    expect(prices.some((p) => p >= 3)).toBe(true);
    expect(prices.filter((p) => !onTick(p))).toEqual([]);
    expect(r.reasons).toEqual([]);
    expect(r.status).toBe("filled");
    expect(prices[prices.length - 1]).toBe(natural);
  });
});
