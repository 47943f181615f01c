import { describe, expect, it } from "vitest";
import {
  confirmCalendar,
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

  it("keeps the 1990s as the NYSE kept them: Nixon's day of mourning closed, Martin Luther King Day open until 1998", () => {
    expect(isTradingDay("1994-04-27")).toBe(false);
    expect(holidayName("1994-04-27")).toMatch(/Nixon/);
    // Third Mondays of January: the S&P 500 printed a close on each until 1997.
    for (const d of ["1990-01-15", "1994-01-17", "1997-01-20"]) expect(isTradingDay(d), d).toBe(true);
    for (const d of ["1998-01-19", "2025-01-20"])
      expect(holidayName(d), d).toBe("Martin Luther King, Jr. Day");
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

describe("confirming the calendar with the broker's holidays and half days", () => {
  it("agrees on the published 2026 list and flags a closure the calendar misses", () => {
    expect(
      confirmCalendar({
        holidays: ["2026-01-01", "2026-04-03", "2026-11-26", "2026-12-25", "2025-01-09"],
        halfDays: ["2026-11-27", "2026-12-24"],
      }),
    ).toEqual([]);
    expect(
      confirmCalendar({ holidays: ["2026-12-31", "2026-12-25"], halfDays: ["2026-12-30", "2026-12-24"] }),
    ).toEqual([
      { date: "2026-12-30", broker: "early-close", ours: "trading" },
      { date: "2026-12-31", broker: "closed", ours: "trading" },
    ]);
  });
});
