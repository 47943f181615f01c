import { describe, expect, it } from "vitest";
import {
  CALIBRATED_SMILE,
  moneynessZ,
  priceOption,
  riskReversal25Ratio,
  smileAt,
  smileVolOf,
} from "@stratdeck/sim/market";

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
