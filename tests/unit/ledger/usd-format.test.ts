import { describe, expect, it } from "vitest";
import { usd } from "@stratdeck/core/ledger";

/** The reference: ICU's en-US currency digits (what `usd` printed before it stopped calling ICU). */
const icu = (cents: number): string =>
  `${cents < 0 ? "-" : ""}$${(Math.abs(cents) / 100).toLocaleString("en-US", {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  })}`;

describe("usd", () => {
  it("prints dollars with thousands separators and two decimals, the sign first", () => {
    expect(usd(485_500)).toBe("$4,855.00");
    expect(usd(-7)).toBe("-$0.07");
    expect(usd(0)).toBe("$0.00");
    expect(usd(123_456_789_01)).toBe("$123,456,789.01");
  });

  it("agrees with ICU's formatting on integer cents across magnitudes", () => {
    let x = 1;
    for (let i = 0; i < 2_000; i++) {
      x = (x * 48_271) % 2_147_483_647;
      const cents = (x % 2 ? -1 : 1) * Math.floor(x / 10 ** (i % 9));
      expect(usd(cents)).toBe(icu(cents));
    }
  });
});
