import { describe, expect, it } from "vitest";
import {
  easterSunday,
  isEarlyClose,
  isMarketOpen,
  isTradingDay,
  nextTradingDay,
  nyseHolidays,
  sessionOn,
} from "@stratdeck/core/time";

// Published by NYSE Group (holiday and early-closings calendars announced 2024-11 and 2025-12).
const PUBLISHED_HOLIDAYS: Record<number, string[]> = {
  2025: [
    "2025-01-01",
    "2025-01-20",
    "2025-02-17",
    "2025-04-18",
    "2025-05-26",
    "2025-06-19",
    "2025-07-04",
    "2025-09-01",
    "2025-11-27",
    "2025-12-25",
  ],
  2026: [
    "2026-01-01",
    "2026-01-19",
    "2026-02-16",
    "2026-04-03",
    "2026-05-25",
    "2026-06-19",
    "2026-07-03",
    "2026-09-07",
    "2026-11-26",
    "2026-12-25",
  ],
  2027: [
    "2027-01-01",
    "2027-01-18",
    "2027-02-15",
    "2027-03-26",
    "2027-05-31",
    "2027-06-18",
    "2027-07-05",
    "2027-09-06",
    "2027-11-25",
    "2027-12-24",
  ],
};
const PUBLISHED_EARLY_CLOSES: Record<number, string[]> = {
  2025: ["2025-07-03", "2025-11-28", "2025-12-24"],
  2026: ["2026-11-27", "2026-12-24"],
  2027: ["2027-11-26"],
};

function allDates(year: number): string[] {
  const out: string[] = [];
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000)
    out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

describe("NYSE calendar", () => {
  for (const year of [2025, 2026, 2027]) {
    it(`matches the published ${year} holiday list exactly`, () => {
      expect([...nyseHolidays(year).keys()].sort()).toEqual(PUBLISHED_HOLIDAYS[year]);
    });
    it(`matches the published ${year} early closes exactly`, () => {
      expect(allDates(year).filter(isEarlyClose)).toEqual(PUBLISHED_EARLY_CLOSES[year]);
    });
  }

  it("names Good Friday and Juneteenth", () => {
    expect(nyseHolidays(2026).get("2026-04-03")).toBe("Good Friday");
    expect(nyseHolidays(2027).get("2027-06-18")).toMatch(/Juneteenth/);
  });

  it("computes Easter for known years", () => {
    expect(easterSunday(2025)).toBe("2025-04-20");
    expect(easterSunday(2026)).toBe("2026-04-05");
    expect(easterSunday(2027)).toBe("2027-03-28");
  });

  it("does not observe New Year's Day 2028 (a Saturday) on Friday 2027-12-31", () => {
    expect(isTradingDay("2027-12-31")).toBe(true);
    expect(nyseHolidays(2028).has("2027-12-31")).toBe(false);
  });

  it("skips weekends and holidays for the next trading day", () => {
    expect(nextTradingDay("2026-04-02")).toBe("2026-04-06");
    expect(nextTradingDay("2026-11-25")).toBe("2026-11-27");
  });

  it("opens at 09:30 and closes at 16:00 New York time (EST: 14:30Z-21:00Z)", () => {
    const s = sessionOn("2026-11-25")!;
    expect(new Date(s.openAt).toISOString()).toBe("2026-11-25T14:30:00.000Z");
    expect(new Date(s.closeAt).toISOString()).toBe("2026-11-25T21:00:00.000Z");
    expect(isMarketOpen(Date.parse("2026-11-25T14:29:59Z"))).toBe(false);
    expect(isMarketOpen(Date.parse("2026-11-25T14:30:00Z"))).toBe(true);
    expect(isMarketOpen(Date.parse("2026-11-25T20:59:59Z"))).toBe(true);
    expect(isMarketOpen(Date.parse("2026-11-25T21:00:00Z"))).toBe(false);
  });

  it("closes at 13:00 on an early-close day", () => {
    const s = sessionOn("2026-11-27")!;
    expect(s.earlyClose).toBe(true);
    expect(new Date(s.closeAt).toISOString()).toBe("2026-11-27T18:00:00.000Z");
    expect(isMarketOpen(Date.parse("2026-11-27T18:30:00Z"))).toBe(false);
  });

  it("is closed on a holiday during session hours", () => {
    expect(sessionOn("2026-11-26")).toBeNull();
    expect(isMarketOpen(Date.parse("2026-11-26T16:00:00Z"))).toBe(false);
  });

  describe("across DST transitions", () => {
    it("uses EDT (UTC-4) after the spring change (2026-03-08)", () => {
      expect(new Date(sessionOn("2026-03-06")!.openAt).toISOString()).toBe("2026-03-06T14:30:00.000Z");
      expect(new Date(sessionOn("2026-03-09")!.openAt).toISOString()).toBe("2026-03-09T13:30:00.000Z");
      expect(new Date(sessionOn("2026-03-09")!.closeAt).toISOString()).toBe("2026-03-09T20:00:00.000Z");
    });
    it("returns to EST (UTC-5) after the autumn change (2026-11-01)", () => {
      expect(new Date(sessionOn("2026-10-30")!.openAt).toISOString()).toBe("2026-10-30T13:30:00.000Z");
      expect(new Date(sessionOn("2026-11-02")!.openAt).toISOString()).toBe("2026-11-02T14:30:00.000Z");
    });
    it("treats 09:30 ET as open in both seasons", () => {
      expect(isMarketOpen(Date.parse("2027-03-15T13:30:00Z"))).toBe(true);
      expect(isMarketOpen(Date.parse("2027-11-08T13:30:00Z"))).toBe(false);
      expect(isMarketOpen(Date.parse("2027-11-08T14:30:00Z"))).toBe(true);
    });
  });
});
