import { describe, expect, it } from "vitest";
import { outcomeOf, positionState } from "@stratdeck/core/ledger";
import { fill, HEADER, POS, settlement, shuffled, T0 } from "./event-fixtures";

describe("positionState: one open, one close", () => {
  it("derives gross, fees, net, averages and outcome, in cents", () => {
    const s = positionState(HEADER, [
      fill("o1", "open", 1, 1.45, 358, { orderQuantity: 1 }),
      fill("c1", "close", 1, -0.7, 158, { orderQuantity: 1, at: T0 + 60_000, reason: "profit-target" }),
    ]);
    expect(s).toMatchObject({
      positionId: POS,
      status: "closed",
      openedQuantity: 1,
      closedQuantity: 1,
      openQuantity: 0,
      avgOpenCredit: 1.45,
      avgCloseDebit: 0.7,
      grossCents: 7_500,
      openFeesCents: 358,
      closeFeesCents: 158,
      feesCents: 516,
      netCents: 6_984,
      outcome: "win",
      openedAt: T0,
      closedAt: T0 + 60_000,
      closeReason: "profit-target",
    });
  });

  it("is open with no realised P&L while nothing closed, its open fees already counted", () => {
    const s = positionState(HEADER, [fill("o1", "open", 2, 1.45, 716)]);
    expect(s).toMatchObject({
      status: "open",
      openQuantity: 2,
      grossCents: 0,
      feesCents: 716,
      netCents: -716,
    });
    expect(s.outcome).toBeNull();
    expect(s.closedAt).toBeNull();
  });
});

describe("positionState: partial opens and partial closes", () => {
  // Three spreads opened in two fills (1 at 1.45, 2 at 1.46), closed 1 then 2.
  const events = [
    fill("o1", "open", 1, 1.45, 358),
    fill("o2", "open", 2, 1.46, 716, { at: T0 + 1000 }),
    fill("c1", "close", 1, -0.8, 158, { at: T0 + 60_000, reason: "manual" }),
    fill("c2", "close", 2, -0.5, 316, { at: T0 + 120_000, reason: "profit-target" }),
  ];

  it("averages the opening fills and keeps every fill's own fees", () => {
    const s = positionState(HEADER, events.slice(0, 2));
    expect(s.avgOpenCredit).toBe(Number((43_700 / 30_000).toFixed(6)));
    expect(s).toMatchObject({ openQuantity: 3, openFeesCents: 1_074, status: "open" });
  });

  it("a partial close releases the opening credit pro rata, rounded against the trader", () => {
    const s = positionState(HEADER, events.slice(0, 3));
    // 43,700 / 3 = 14,566.67 of credit released: 14,566 (down), minus the 8,000 paid.
    expect(s).toMatchObject({ status: "open", openQuantity: 2, closedQuantity: 1, grossCents: 6_566 });
    expect(s.closedAt).toBeNull();
  });

  it("the full close makes the gross exact: all credit in minus all debits out", () => {
    const s = positionState(HEADER, events);
    expect(s.grossCents).toBe(43_700 - 8_000 - 10_000);
    expect(s.feesCents).toBe(358 + 716 + 158 + 316);
    expect(s.netCents).toBe(25_700 - 1_548);
    expect(s).toMatchObject({ status: "closed", closedAt: T0 + 120_000, closeReason: "profit-target" });
    expect(s.avgCloseDebit).toBe(Number((18_000 / 30_000).toFixed(6)));
  });

  it("gives the same state whatever order the events come in", () => {
    expect(positionState(HEADER, shuffled(events))).toEqual(positionState(HEADER, events));
  });

  it("tracks each order's fills and its cancel", () => {
    const s = positionState(HEADER, [
      fill("o1", "open", 1, 1.45, 358, { orderId: "A", orderQuantity: 3 }),
      {
        eventId: "x1",
        positionId: POS,
        at: T0 + 5,
        type: "cancel",
        effect: "open",
        orderId: "A",
        orderQuantity: 3,
        reason: "timeout",
      },
    ]);
    expect(s.orders).toEqual([
      { orderId: "A", effect: "open", orderQuantity: 3, filled: 1, cancelled: true },
    ]);
  });
});

describe("positionState: settlement", () => {
  const open = fill("o1", "open", 2, 1.45, 716);

  it("settles what is left at intrinsic value, with no fees, reason expiry", () => {
    const s = positionState(HEADER, [open, settlement("s1", 2, 20.5, false)]);
    expect(s).toMatchObject({
      status: "closed",
      grossCents: 2 * (14_500 - 205_000),
      closeFeesCents: 0,
      netCents: 2 * (14_500 - 205_000) - 716,
      outcome: "loss",
      closeReason: "expiry",
      closedAt: T0 + 86_400_000,
    });
  });

  it("an official value replaces an approximate one (AM from the open print), closing time kept", () => {
    const approx = settlement("s-approx", 2, 20.5, true);
    const official = settlement("s-official", 2, 19.75, false, T0 + 86_400_000 + 3_600_000);
    const s = positionState(HEADER, [open, approx, official]);
    expect(s.settlement?.eventId).toBe("s-official");
    expect(s.grossCents).toBe(2 * (14_500 - 197_500));
    expect(s.closedAt).toBe(T0 + 86_400_000);
    // An approximate value arriving after the official one does not replace it.
    const late = settlement("s-late", 2, 25, true, T0 + 2 * 86_400_000);
    expect(positionState(HEADER, [open, approx, official, late]).grossCents).toBe(s.grossCents);
  });

  it("a partial close then expiry: the settlement takes only what is still open", () => {
    const s = positionState(HEADER, [open, fill("c1", "close", 1, -0.5, 158), settlement("s1", 1, 0, false)]);
    expect(s).toMatchObject({ status: "closed", closedQuantity: 2, grossCents: 29_000 - 5_000 });
  });
});

describe("positionState: claims", () => {
  it("holds the entry's reservations and claim events; releases them all once closed", () => {
    const header = { ...HEADER, reservations: ["open#0", "slot|2026-12-01T10:00#0"] };
    const claim = (eventId: string, key: string, change: "taken" | "released") => ({
      eventId,
      positionId: POS,
      at: T0,
      type: "claim" as const,
      key,
      change,
    });
    const open = [
      fill("o1", "open", 1, 1.45, 358, { orderQuantity: 1 }),
      claim("k1", "live-open#0", "taken"),
    ];
    const s = positionState(header, open);
    expect(s.claimsHeld).toEqual(["open#0", "slot|2026-12-01T10:00#0", "live-open#0"]);
    expect(s.claimsToRelease).toEqual([]);
    const closed = positionState(header, [
      ...open,
      claim("k2", "open#0", "released"),
      fill("c1", "close", 1, -0.2, 0, { orderQuantity: 1 }),
    ]);
    expect(closed.claimsToRelease).toEqual(["slot|2026-12-01T10:00#0", "live-open#0"]);
  });
});

describe("outcomeOf: the one definition of win, loss and break-even", () => {
  it("net > 0 wins, net < 0 loses, exactly 0 is break-even", () => {
    expect([outcomeOf(1), outcomeOf(-1), outcomeOf(0)]).toEqual(["win", "loss", "break-even"]);
  });

  it("a close whose gross just covers the fees is break-even, not a loss", () => {
    const s = positionState(HEADER, [
      fill("o1", "open", 1, 1.45, 300, { orderQuantity: 1 }),
      fill("c1", "close", 1, -1.42, 0, { orderQuantity: 1 }),
    ]);
    expect(s).toMatchObject({ grossCents: 300, netCents: 0, outcome: "break-even" });
  });
});
