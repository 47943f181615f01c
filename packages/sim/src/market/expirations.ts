import {
  addDays,
  isTradingDay,
  nextTradingDay,
  settlementInstant,
  thirdFriday,
  tradingDayOnOrBefore,
  weekdayOf,
} from "@stratdeck/core/time";
import type { RootSpec } from "./underlyings";

/** One listed expiration of a root. */
export interface SimExpiration {
  root: string;
  /** `YYYY-MM-DD` */
  date: string;
  settlement: "AM" | "PM";
  /** `Regular` for the standard monthly of the root, `Weekly` otherwise. */
  expirationType: "Regular" | "Weekly";
  /** Settlement instant (AM: the open, PM: the close), ms since epoch. */
  expiresAt: number;
}

/** Trading days of PM dailies listed from today. */
const DAILY_COUNT = 10;
/** PM weeklies (Fridays) listed out to this many calendar days. */
const WEEKLY_HORIZON_DAYS = 120;
/** Monthlies listed out to this many months. */
const MONTHLY_COUNT = 13;

/** Standard monthly expiration date of a month: the third Friday, or the trading day before it. */
export function monthlyDate(year: number, month: number): string {
  return tradingDayOnOrBefore(thirdFriday(year, month));
}

function monthlies(today: string): string[] {
  const out: string[] = [];
  let y = Number(today.slice(0, 4));
  let m = Number(today.slice(5, 7));
  for (let i = 0; i < MONTHLY_COUNT; i++) {
    const d = monthlyDate(y, m);
    if (d >= today) out.push(d);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

function pmDates(today: string): string[] {
  const dates = new Set<string>();
  let d = isTradingDay(today) ? today : nextTradingDay(today);
  for (let i = 0; i < DAILY_COUNT; i++) {
    dates.add(d);
    d = nextTradingDay(d);
  }
  const horizon = addDays(today, WEEKLY_HORIZON_DAYS);
  let friday = addDays(today, (5 - weekdayOf(today) + 7) % 7);
  while (friday <= horizon) {
    dates.add(tradingDayOnOrBefore(friday));
    friday = addDays(friday, 7);
  }
  return [...dates];
}

/**
 * The expirations of a root listed on a New York date, ascending, without those already settled
 * at `nowMs`. PM roots: a daily for each of the next 10 trading days, then Friday weeklies out to
 * 120 days (Thursday when Friday is a holiday), plus third-Friday monthlies for roots that list
 * them. AM roots: third-Friday monthlies (Thursday on a holiday) out to a year.
 */
export function listExpirations(root: RootSpec, today: string, nowMs: number): SimExpiration[] {
  const monthly = new Set(monthlies(today));
  const dates =
    root.settlement === "AM"
      ? [...monthly]
      : root.monthlies
        ? [...new Set([...pmDates(today), ...monthly])]
        : pmDates(today);
  return dates
    .sort()
    .map((date) => ({
      root: root.root,
      date,
      settlement: root.settlement,
      expirationType:
        root.settlement === "AM" || (root.monthlies === true && monthly.has(date))
          ? ("Regular" as const)
          : ("Weekly" as const),
      expiresAt: settlementInstant(date, root.settlement),
    }))
    .filter((e) => e.expiresAt > nowMs);
}
