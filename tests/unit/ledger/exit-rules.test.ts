import { describe, expect, it } from "vitest";
import { evaluateExits, markPosition } from "@stratdeck/core/ledger";
import { addDays, FakeClock, nyDate } from "@stratdeck/core/time";
import { FakeMarket, LONG, putSpread, SHORT, T0 } from "./fake-market";
import { testSettings } from "../../support/paper-settings";

const settings = testSettings({ fill: { model: "mid" } });

/** Marks a 1.50-credit put spread whose mid debit to close is `shortMid − longMid`. */
function markAt(shortBidAsk: [number, number], longBidAsk: [number, number], expiration = "2027-01-08") {
  const clock = new FakeClock(T0);
  const m = new FakeMarket(clock)
    .spot("SPX", 6000)
    .quote(SHORT, ...shortBidAsk)
    .quote(LONG, ...longBidAsk);
  return markPosition(putSpread(1.5, expiration), {
    quotes: m.quotes,
    underlying: m.underlyings.get("SPX"),
    now: T0,
    fill: settings.fill,
    fees: settings.fees,
  });
}

const rules = (mark: ReturnType<typeof markAt>) => evaluateExits(mark, settings.exits).map((h) => h.rule);

describe("exit rules flag exactly at the threshold, not one tick before", () => {
  it("profit target 50%: debit 0.75 on a 1.50 credit fires, 0.80 does not", () => {
    const at = markAt([1.0, 1.1], [0.25, 0.35]);
    expect(at).toMatchObject({ debitToClose: 0.75, pnlCents: 7_500 });
    expect(evaluateExits(at, settings.exits)).toEqual([
      expect.objectContaining({ rule: "profit-target", value: 0.5, threshold: 0.5 }),
    ]);
    const before = markAt([1.0, 1.1], [0.2, 0.3]);
    expect(before).toMatchObject({ debitToClose: 0.8, pnlCents: 7_000 });
    expect(rules(before)).toEqual([]);
  });

  it("max loss 2x credit: debit 4.50 on a 1.50 credit fires, 4.40 does not", () => {
    const at = markAt([9.0, 9.2], [4.5, 4.7]);
    expect(at).toMatchObject({ debitToClose: 4.5, pnlCents: -30_000 });
    expect(evaluateExits(at, settings.exits)).toEqual([
      expect.objectContaining({ rule: "max-loss", value: 2, threshold: 2 }),
    ]);
    const before = markAt([9.0, 9.2], [4.6, 4.8]);
    expect(before).toMatchObject({ debitToClose: 4.4 });
    expect(rules(before)).toEqual([]);
  });

  it("DTE 21: 21 days fires (even unpriced), 22 days does not", () => {
    const today = nyDate(T0);
    const at = markAt([3.0, 3.2], [2.0, 2.2], addDays(today, 21));
    expect(at.dte).toBe(21);
    expect(evaluateExits(at, settings.exits)).toEqual([
      expect.objectContaining({ rule: "dte", value: 21, threshold: 21 }),
    ]);
    expect(rules(markAt([3.0, 3.2], [2.0, 2.2], addDays(today, 22)))).toEqual([]);
    const clock = new FakeClock(T0);
    const unpriced = markPosition(putSpread(1.5, addDays(today, 21)), {
      quotes: new FakeMarket(clock).quotes,
      underlying: undefined,
      now: T0,
      fill: settings.fill,
      fees: settings.fees,
    });
    expect(unpriced.status).toBe("unpriced");
    expect(rules(unpriced)).toEqual(["dte"]);
  });

  it("uses the configured thresholds", () => {
    const custom = testSettings({
      exits: { profitTargetFraction: 0.75, dteThreshold: 7, maxLossMultiple: 1 },
    });
    const half = markAt([1.0, 1.1], [0.25, 0.35]);
    expect(evaluateExits(half, custom.exits)).toEqual([]);
    const loss = markAt([4.0, 4.2], [0.9, 1.1]);
    expect(evaluateExits(loss, custom.exits).map((h) => h.rule)).toEqual(["max-loss"]);
  });
});
