import { describe, expect, it } from "vitest";
import { seededRandom } from "../../support/seeded-random";
import { fillSpread, type SpreadLegQuote } from "@stratdeck/core/pricing";

const SPX_TICKS = [{ value: 0.05, threshold: 3 }, { value: 0.1 }];

function randomLeg(r: () => number, side: "short" | "long", label: string): SpreadLegQuote {
  const bid = Math.round(r() * 3000) / 100;
  const ask = Math.round((bid + 0.05 + r() * 1.5) * 100) / 100;
  return { side, ratio: 1, bid, ask, quoteTime: 0, label };
}

const cents = (x: number): number => Math.round(x * 100);

describe("rounding is never in the trader's favour and legs add up to the order price", () => {
  for (const model of ["mid", "conservative"] as const) {
    it(`${model}: 4,000 random 2- and 4-leg orders, opening and closing`, () => {
      const r = seededRandom(model === "mid" ? 7 : 11);
      for (let n = 0; n < 4000; n++) {
        const four = n % 2 === 0;
        // Opening credit: sell inner, buy outer. Closing: the same legs with sides swapped.
        const closing = n % 3 === 0;
        const sides: ("short" | "long")[] = four ? ["short", "long", "short", "long"] : ["short", "long"];
        const legs = sides.map((s, i) =>
          randomLeg(r, closing ? (s === "short" ? "long" : "short") : s, `leg${i}`),
        );
        const f = fillSpread(legs, SPX_TICKS, { model, concession: 0.3 });
        if (!f.ok) continue;
        // Legs are whole cents and add up to the net exactly, in integer cents.
        const legCents = f.legPrices.map(cents);
        f.legPrices.forEach((p, i) => expect(p).toBe((legCents[i] as number) / 100));
        const sum = legs.reduce((s, l, i) => s + (l.side === "short" ? 1 : -1) * (legCents[i] as number), 0);
        expect(sum).toBe(cents(f.net));
        // The net never beats the unrounded model net: a credit is smaller, a debit larger.
        expect(f.net).toBeLessThanOrEqual(f.rawNet + 1e-9);
        // ... and is on the tick of its size.
        const tick = Math.abs(f.net) < 3 ? 5 : 10;
        expect(Math.abs(cents(f.net)) % tick).toBe(0);
        // ... by less than one tick plus a cent per leg.
        expect(f.rawNet - f.net).toBeLessThan(tick / 100 + legs.length * 0.01 + 1e-9);
      }
    });
  }

  it("a closing debit of 17.49 from the legs is recorded as 17.50, never 17.40", () => {
    // Buy back the short at 25.03, sell the long at 7.54: a net debit of 17.49 by the legs.
    const f = fillSpread(
      [
        { side: "long", ratio: 1, bid: 25.03, ask: 25.03, label: "buy short back" },
        { side: "short", ratio: 1, bid: 7.54, ask: 7.54, label: "sell long" },
      ],
      SPX_TICKS,
      { model: "conservative" },
    );
    expect(f.ok && f.rawNet).toBeCloseTo(-17.49, 9);
    expect(f.ok && f.net).toBe(-17.5);
    expect(f.ok && f.legPrices).toEqual([25.04, 7.54]);
  });
});
