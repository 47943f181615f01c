import { describe, expect, it } from "vitest";
import { marketHistoryStart, putWriteBenchmark } from "@stratdeck/sim/backtest";
import { DynamicMarket } from "@stratdeck/sim/market";
import { nyWallTimeToUtc, sessionOn } from "@stratdeck/core/time";

describe("PutWrite benchmark (Cboe PUT methodology)", () => {
  const market = new DynamicMarket({ seed: 4, start: marketHistoryStart("2025-01-02") });
  const r = putWriteBenchmark(market, "2025-01-02", "2025-07-31", 0.04);

  it("sells at each monthly roll the put expiring at the next one, and leaves out the unfinished cycle", () => {
    // 2025 monthlies: Jan 17, Feb 21, Mar 21, Apr 17 (Good Friday: Thursday), May 16, Jun 20, Jul 18.
    expect(r.rolls.map((x) => `${x.rollDate}>${x.expiration}`)).toEqual([
      "2025-01-17>2025-02-21",
      "2025-02-21>2025-03-21",
      "2025-03-21>2025-04-17",
      "2025-04-17>2025-05-16",
      "2025-05-16>2025-06-20",
      "2025-06-20>2025-07-18",
    ]);
  });

  it("sells the at-the-money strike (closest, not above) at 11:45 and settles at the expiry's open print", () => {
    for (const x of r.rolls) {
      const at = nyWallTimeToUtc(x.rollDate, 11 * 60 + 45);
      expect(x.reference).toBe(market.spotAt("SPX", at));
      expect(x.strike % 5).toBe(0);
      expect(x.strike).toBeLessThanOrEqual(x.reference);
      expect(x.reference - x.strike).toBeLessThan(5);
      const q = market.optionQuoteAt({ root: "SPX", date: x.expiration, right: "P", strike: x.strike }, at);
      expect(x.premium).toBe(q?.mid);
      // One month of an ATM put at 10–40 % IV is worth roughly 1–5 % of the strike.
      expect(x.premium / x.strike).toBeGreaterThan(0.008);
      expect(x.premium / x.strike).toBeLessThan(0.06);
      const open = sessionOn(x.expiration)?.openAt ?? NaN;
      expect(x.settlementPrice).toBe(market.spotAt("SPX", open));
      expect(x.payoff).toBeCloseTo(Math.max(0, x.strike - x.settlementPrice), 9);
    }
  });

  it("books premium less payoff per contract plus the collateral's interest, in cents, and compounds the cycles", () => {
    const first = r.rolls[0];
    if (!first) throw new Error("no roll");
    // 35 days on strike × $100 at 4 %.
    expect(first.interestCents).toBe(Math.floor((first.strike * 10_000 * 0.04 * 35) / 365));
    for (const x of r.rolls) {
      expect(x.pnlCents).toBe(Math.round((x.premium - x.payoff) * 10_000) + x.interestCents);
      expect(x.cycleReturn).toBeCloseTo(x.pnlCents / (x.strike * 10_000), 12);
    }
    const compounded = r.rolls.reduce((v, x) => v * (1 + x.cycleReturn), 1) - 1;
    expect(r.totalReturn).toBeCloseTo(compounded, 12);
  });
});
