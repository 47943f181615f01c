import { describe, expect, it } from "vitest";
import {
  CALIBRATED_SMILE,
  moneynessZ,
  priceOption,
  riskReversal25Ratio,
  smileAt,
  smileVolOf,
} from "@stratdeck/sim/market";
import { blackScholes } from "@stratdeck/core/pricing";

const MONTH = 30 / 365;

describe("calibrated skew and smile (surface-smile.ts)", () => {
  it("puts the 30-day 25-delta risk reversal at 0.35–0.40 × ATM IV at the reference level (real SPX)", () => {
    const iv = CALIBRATED_SMILE.referenceIv;
    const rr = riskReversal25Ratio(iv, MONTH, smileAt(CALIBRATED_SMILE, iv));
    expect(rr).toBeGreaterThan(0.35);
    expect(rr).toBeLessThan(0.4);
  });

  it("keeps the ratio in a plausible band from a calm 10 % to a stressed 40 % IV", () => {
    for (const iv of [0.1, 0.13, 0.2, 0.3, 0.4]) {
      const rr = riskReversal25Ratio(iv, MONTH, smileAt(CALIBRATED_SMILE, iv));
      expect(rr).toBeGreaterThan(0.3);
      expect(rr).toBeLessThan(0.45);
    }
  });

  it("raises the put wing and flattens the call wing", () => {
    const shape = smileAt(CALIBRATED_SMILE, 0.17);
    const ratio = (z: number): number => smileVolOf(0.17, z, shape) / 0.17;
    expect(ratio(-1.3)).toBeGreaterThan(1.35);
    expect(ratio(-1.3)).toBeLessThan(1.7);
    expect(ratio(1.3)).toBeGreaterThan(0.75);
    expect(ratio(1.3)).toBeLessThan(0.95);
    expect(ratio(-3)).toBeGreaterThan(ratio(-1.3));
    expect(ratio(-99)).toBe(ratio(-CALIBRATED_SMILE.zCap));
  });

  it("keeps the far wings near real ones: the VIX formula over the smile reads 1.1–1.35 × ATM, not 1.6–1.9", () => {
    // Cboe's VIX: σ² = 2/T × Σ ΔK/K² × Q(K) over out-of-the-money strikes (r = 0, F = 6000, 5-point
    // strikes, strikes quoted under 0.05 left out as Cboe's zero-bid cut does). Real: ≈ 1/0.875.
    for (const atm of [0.12, 0.17, 0.3]) {
      const shape = smileAt(CALIBRATED_SMILE, atm);
      let sum = 0;
      for (let k = 1200; k < 18000; k += 5) {
        const vol = smileVolOf(atm, moneynessZ(k, 6000, atm, MONTH), shape);
        const right = k < 6000 ? "P" : "C";
        const q = blackScholes({
          right,
          spot: 6000,
          strike: k,
          years: MONTH,
          vol,
          rate: 0,
          dividendYield: 0,
        });
        if (q.price >= 0.05) sum += (5 / (k * k)) * q.price;
      }
      const ratio = Math.sqrt((2 / MONTH) * sum) / atm;
      expect(ratio, `ATM ${atm}`).toBeGreaterThan(1.1);
      // 1.2–1.25 at ordinary levels, 1.30 at 30 % ATM where the skew is steeper.
      expect(ratio, `ATM ${atm}`).toBeLessThan(1.35);
    }
  });

  it("prices quotes on it: the quoted IV of a strike is the smile's", () => {
    const shape = smileAt(CALIBRATED_SMILE, 0.17);
    const now = Date.parse("2025-03-03T15:00:00Z");
    const expiresAt = now + 30 * 86_400_000;
    const q = priceOption({
      id: { root: "SPXW", date: "2025-04-02", right: "P", strike: 5400 },
      spot: 6000,
      rate: 0,
      dividendYield: 0,
      ivIndex: 0.17,
      atmVol: 0.17,
      smile: shape,
      expiresAt,
      now,
      tickSizes: [{ value: 0.05, threshold: 3 }, { value: 0.1 }],
    });
    const z = moneynessZ(5400, 6000, 0.17, MONTH);
    expect(q.iv).toBeCloseTo(smileVolOf(0.17, z, shape), 5);
  });
});
