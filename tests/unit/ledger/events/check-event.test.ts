import { describe, expect, it } from "vitest";
import { checkAppend, LedgerError, parseLedgerEvent } from "@stratdeck/core/ledger";
import { fill, HEADER, settlement } from "./event-fixtures";

/** The LedgerError a call throws (fails the test when it does not throw one). */
function errorOf(fn: () => unknown): LedgerError {
  try {
    fn();
  } catch (err) {
    if (err instanceof LedgerError) return err;
    throw err;
  }
  throw new Error("expected a LedgerError");
}

describe("parseLedgerEvent: bad input names the field", () => {
  it("refuses a negative, a zero and a fractional quantity", () => {
    for (const quantity of [-1, 0, 1.5]) {
      const err = errorOf(() => parseLedgerEvent({ ...fill("f1", "open", 1, 1.45, 0), quantity }));
      expect(err.code).toBe("ledger-event-invalid");
      expect(err.message).toMatch(/^fill f1 of pos_test: quantity: /);
      expect(err.details()).toEqual({ code: "ledger-event-invalid", positionId: "pos_test", eventId: "f1" });
    }
  });

  it("refuses fees that are not whole cents, an unknown type and a missing id", () => {
    expect(
      errorOf(() => parseLedgerEvent({ ...fill("f1", "open", 1, 1.45, 0), feesCents: 3.5 })).message,
    ).toMatch(/feesCents: /);
    expect(
      errorOf(() => parseLedgerEvent({ type: "refund", eventId: "r1", positionId: "p" })).message,
    ).toMatch(/^refund r1 of p: type: /);
    const { eventId: _e, ...noId } = fill("f1", "open", 1, 1.45, 0);
    expect(errorOf(() => parseLedgerEvent(noId)).message).toMatch(/\(no eventId\).*eventId: /);
  });

  it("accepts a valid event unchanged", () => {
    const e = settlement("s1", 1, 2.5, true);
    expect(parseLedgerEvent(e)).toEqual(e);
  });
});

describe("checkAppend", () => {
  const open = fill("o1", "open", 2, 1.45, 716, { orderQuantity: 2 });

  it("a duplicate delivery (same id, same content, any key order) is a no-op", () => {
    const again = Object.fromEntries(Object.entries(open).reverse()) as typeof open;
    expect(checkAppend(HEADER, [open], again)).toBe("duplicate");
  });

  it("the same id with other content is a conflict, never a silent overwrite", () => {
    const err = errorOf(() => checkAppend(HEADER, [open], { ...open, netPrice: 1.5 }));
    expect(err.code).toBe("ledger-event-conflict");
    expect(err.message).toMatch(/fill o1 of pos_test: was appended before with other content/);
  });

  it("a fill larger than its order's remaining quantity is an overfill", () => {
    const first = fill("a1", "open", 2, 1.45, 0, { orderId: "A", orderQuantity: 3 });
    const err = errorOf(() =>
      checkAppend(HEADER, [first], fill("a2", "open", 2, 1.45, 0, { orderId: "A", orderQuantity: 3 })),
    );
    expect(err.code).toBe("ledger-overfill");
    expect(err.message).toMatch(/fills 2 spreads, order A has 1 of 3 left/);
  });

  it("a close larger than what is open, and a settlement beyond it, are overfills", () => {
    const close = fill("c1", "close", 3, -0.5, 0, { orderQuantity: 3 });
    expect(errorOf(() => checkAppend(HEADER, [open], close)).message).toMatch(/closes 3 spreads, 2 open/);
    expect(errorOf(() => checkAppend(HEADER, [open], settlement("s1", 3, 0, false))).code).toBe(
      "ledger-overfill",
    );
    expect(checkAppend(HEADER, [open], settlement("s1", 2, 0, false))).toBe("append");
  });

  it("an official settlement may replace an approximate one of the same quantity", () => {
    const approx = settlement("s1", 2, 1, true);
    expect(checkAppend(HEADER, [open, approx], settlement("s2", 2, 1.1, false))).toBe("append");
  });

  it("an order described two ways (other quantity or effect) is a conflict", () => {
    const a = fill("a1", "open", 1, 1.45, 0, { orderId: "A", orderQuantity: 3 });
    const b = fill("a2", "open", 1, 1.45, 0, { orderId: "A", orderQuantity: 4 });
    expect(errorOf(() => checkAppend(HEADER, [a], b)).code).toBe("ledger-event-conflict");
  });
});
