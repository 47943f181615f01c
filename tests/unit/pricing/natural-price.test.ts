import { describe, expect, it } from "vitest";
import { naturalLegPrice, naturalNetCredit } from "@stratdeck/core/pricing";

const sell = (bid: number, ask: number, ratio = 1) => ({ sell: true, ratio, bid, ask });
const buy = (bid: number, ask: number, ratio = 1) => ({ sell: false, ratio, bid, ask });

describe("the natural price of a spread (one definition, core pricing/natural-price.ts)", () => {
  it("sells at the bid and buys at the ask: a credit put spread opens at short bid − long ask", () => {
    expect(naturalNetCredit([sell(1.15, 1.25), buy(0.05, 0.1)])).toBe(1.05);
    expect(naturalLegPrice(sell(1.15, 1.25))).toBe(1.15);
    expect(naturalLegPrice(buy(1.15, 1.25))).toBe(1.25);
  });

  it("a debit is negative, and closing a credit spread (buy the short, sell the long) is a debit", () => {
    expect(naturalNetCredit([buy(1.15, 1.25), sell(0.05, 0.1)])).toBe(-1.2);
  });

  it("weighs each leg by its ratio (a 1×2 ratio spread)", () => {
    expect(naturalNetCredit([sell(2.5, 2.6), buy(1.0, 1.05, 2)])).toBe(0.4);
  });

  it("rounds to whole cents against the trader: a credit down, a debit up", () => {
    expect(naturalNetCredit([sell(1.237, 1.3), buy(0.1, 0.2)])).toBe(1.03);
    expect(naturalNetCredit([buy(1.2, 1.237), sell(0.2, 0.3)])).toBe(-1.04);
    // Float noise is not a fraction of a cent: 1.15 − 0.05 stays 1.10.
    expect(naturalNetCredit([sell(1.15, 1.2), buy(0, 0.05)])).toBe(1.1);
    expect(naturalNetCredit([buy(1.1, 1.15), sell(0.05, 0.1)])).toBe(-1.1);
  });

  it("is undefined when a side a leg trades at is not quoted (the other side may be missing)", () => {
    expect(naturalNetCredit([{ sell: true, ratio: 1, ask: 1.2 }, buy(0.05, 0.1)])).toBeUndefined();
    expect(naturalNetCredit([sell(1.15, Number.NaN), { sell: false, ratio: 1, bid: 0.05 }])).toBeUndefined();
    expect(
      naturalNetCredit([
        { sell: true, ratio: 1, bid: 1.15 },
        { sell: false, ratio: 1, ask: 0.1 },
      ]),
    ).toBe(1.05);
  });
});
