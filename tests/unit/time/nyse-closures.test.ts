import { describe, expect, it } from "vitest";
import {
  holidayName,
  isMarketOpen,
  isTradingDay,
  nextTradingDay,
  nyWallTimeToUtc,
  SPECIAL_CLOSURES,
  weekdayOf,
} from "@stratdeck/core/time";

describe("NYSE one-off closures", () => {
  it("closes on the National Day of Mourning for President Carter (2025-01-09)", () => {
    expect(isTradingDay("2025-01-09")).toBe(false);
    expect(holidayName("2025-01-09")).toMatch(/Carter/);
    expect(isMarketOpen(nyWallTimeToUtc("2025-01-09", 11 * 60))).toBe(false);
    expect(nextTradingDay("2025-01-08")).toBe("2025-01-10");
    expect(isTradingDay("2025-01-08")).toBe(true);
  });

  it("closes both Hurricane Sandy days and the mourning days for Bush, Ford and Reagan", () => {
    for (const d of ["2012-10-29", "2012-10-30", "2018-12-05", "2007-01-02", "2004-06-11"])
      expect(isTradingDay(d), d).toBe(false);
    expect(nextTradingDay("2012-10-26")).toBe("2012-10-31");
  });

  it("lists only weekdays the rules call trading days, each with a name and a source, no duplicates", () => {
    const dates = SPECIAL_CLOSURES.map((c) => c.date);
    expect(new Set(dates).size).toBe(dates.length);
    for (const c of SPECIAL_CLOSURES) {
      expect(c.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect([0, 6]).not.toContain(weekdayOf(c.date));
      expect(c.name.length, c.date).toBeGreaterThan(5);
      expect(c.source.length, c.date).toBeGreaterThan(5);
    }
  });
});
