import { describe, expect, it } from "vitest";
import { icuParts, nyParts, nyWallTimeToUtc } from "@stratdeck/core/time/new-york";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Instants where the arithmetic and ICU disagree, as ISO strings (empty when they agree). */
function disagreements(instants: Iterable<number>): string[] {
  const bad: string[] = [];
  for (const ms of instants) {
    if (JSON.stringify(nyParts(ms)) !== JSON.stringify(icuParts(ms))) bad.push(new Date(ms).toISOString());
  }
  return bad;
}

/** Every `step` ms from `from` for `span` ms. */
function* every(from: number, span: number, step: number): Generator<number> {
  for (let t = from; t < from + span; t += step) yield t;
}

describe("New York wall clock without ICU", () => {
  it("agrees with the runtime's IANA data minute by minute around every DST change, 1987-2060", () => {
    const bad: string[] = [];
    let checked = 0;
    for (let year = 1987; year <= 2060; year++) {
      // Scan March-April and October-November hourly to find the two changes, then minute by minute.
      for (const [from, to] of [
        [Date.UTC(year, 2, 1), Date.UTC(year, 4, 1)],
        [Date.UTC(year, 9, 1), Date.UTC(year, 11, 1)],
      ] as const) {
        let prev = icuParts(from).hour;
        for (let t = from + HOUR; t < to; t += HOUR) {
          const hour = icuParts(t).hour;
          if (hour === (prev + 1) % 24) {
            prev = hour;
            continue;
          }
          const window = [...every(t - 3 * HOUR, 6 * HOUR, MINUTE)];
          checked += window.length;
          bad.push(...disagreements(window));
          prev = hour;
        }
      }
    }
    expect(checked).toBeGreaterThan(2 * 74 * 300);
    expect(bad).toEqual([]);
  });

  it("agrees with ICU on 20,000 seeded instants from 1950 to 2100, including seconds and weekdays", () => {
    let seed = 20261130;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const from = Date.UTC(1950, 0, 1);
    const span = Date.UTC(2100, 0, 1) - from;
    const instants = Array.from({ length: 20_000 }, () => from + Math.floor(rand() * span));
    expect(disagreements(instants)).toEqual([]);
  });

  it("crosses New Year's Eve in New York, not in UTC", () => {
    const ms = Date.parse("2027-01-01T03:30:00Z");
    expect(nyParts(ms)).toMatchObject({ date: "2026-12-31", hour: 22, minute: 30, weekday: 4 });
  });

  it("reads the spring-forward and fall-back hours as New York does", () => {
    // 2026-03-08 02:00 EST → 03:00 EDT; 2026-11-01 02:00 EDT → 01:00 EST.
    expect(nyParts(Date.parse("2026-03-08T06:59:59Z"))).toMatchObject({ hour: 1, minute: 59 });
    expect(nyParts(Date.parse("2026-03-08T07:00:00Z"))).toMatchObject({ hour: 3, minute: 0 });
    expect(nyParts(Date.parse("2026-11-01T05:59:00Z"))).toMatchObject({ hour: 1, minute: 59 });
    expect(nyParts(Date.parse("2026-11-01T06:00:00Z"))).toMatchObject({ hour: 1, minute: 0 });
    expect(nyWallTimeToUtc("2026-07-01", 9 * 60 + 30)).toBe(Date.parse("2026-07-01T13:30:00Z"));
    expect(nyWallTimeToUtc("2026-12-01", 9 * 60 + 30)).toBe(Date.parse("2026-12-01T14:30:00Z"));
  });

  it("goes through ICU before 1987, when the rules were different", () => {
    // 1986: DST began on the last Sunday of April (the 27th), not the first (the 6th).
    expect(nyParts(Date.parse("1986-04-10T16:00:00Z")).hour).toBe(11);
    expect(nyParts(Date.parse("1986-04-10T16:00:00Z"))).toEqual(icuParts(Date.parse("1986-04-10T16:00:00Z")));
  });
});
