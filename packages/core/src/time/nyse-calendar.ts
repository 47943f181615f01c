import { addDays, nyParts, nyWallTimeToUtc, weekdayOf } from "./new-york";
import { specialClosure } from "./nyse-closures";

/** Regular session open, minutes after midnight New York time (09:30). */
export const SESSION_OPEN_MINUTE = 9 * 60 + 30;
/** Regular session close, minutes after midnight New York time (16:00). */
export const SESSION_CLOSE_MINUTE = 16 * 60;
/** Early-close session end, minutes after midnight New York time (13:00). */
export const EARLY_CLOSE_MINUTE = 13 * 60;
/**
 * Minutes index options (SPX, XSP, RUT, NDX: Cboe's extended close for broad-based index options)
 * keep trading after the equity close: 16:15, or 13:15 on an early close.
 */
export const OPTIONS_CLOSE_DELAY_MINUTES = 15;

/** One NYSE trading session in instants. */
export interface Session {
  /** `YYYY-MM-DD` in New York. */
  date: string;
  /** Open, ms since epoch. */
  openAt: number;
  /** Close, ms since epoch. */
  closeAt: number;
  /** Close of index options trading ({@link OPTIONS_CLOSE_DELAY_MINUTES} after `closeAt`), ms. */
  optionsCloseAt: number;
  earlyClose: boolean;
}

const iso = (y: number, m: number, d: number): string =>
  `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;

/** The n-th (1-based) given weekday of a month; n = -1 for the last one. */
function nthWeekday(year: number, month: number, weekday: number, n: number): string {
  if (n > 0) {
    const first = weekdayOf(iso(year, month, 1));
    return iso(year, month, 1 + ((weekday - first + 7) % 7) + (n - 1) * 7);
  }
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const last = weekdayOf(iso(year, month, lastDay));
  return iso(year, month, lastDay - ((last - weekday + 7) % 7));
}

/** Easter Sunday (Gregorian, anonymous algorithm). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(year, month, day);
}

/** Fixed-date holiday moved to Friday when on Saturday and Monday when on Sunday. */
function observed(date: string): string {
  const wd = weekdayOf(date);
  if (wd === 6) return addDays(date, -1);
  if (wd === 0) return addDays(date, 1);
  return date;
}

const holidayCache = new Map<number, Map<string, string>>();

/**
 * NYSE full-day holidays of a year, date → name, as the rules stood that year from 1990 on (the
 * earliest a replay's VIX file reaches): Martin Luther King, Jr. Day from 1998, Juneteenth from 2022.
 * New Year's Day falling on a Saturday is not observed on the Friday before (NYSE Rule 7.2).
 */
export function nyseHolidays(year: number): Map<string, string> {
  const cached = holidayCache.get(year);
  if (cached) return cached;
  const h = new Map<string, string>();
  const newYear = iso(year, 1, 1);
  if (weekdayOf(newYear) !== 6) h.set(observed(newYear), "New Year's Day");
  // The NYSE first closed for it on 1998-01-19 (open, with a minute of silence, 1986–1997).
  if (year >= 1998) h.set(nthWeekday(year, 1, 1, 3), "Martin Luther King, Jr. Day");
  h.set(nthWeekday(year, 2, 1, 3), "Washington's Birthday");
  h.set(addDays(easterSunday(year), -2), "Good Friday");
  h.set(nthWeekday(year, 5, 1, -1), "Memorial Day");
  if (year >= 2022) h.set(observed(iso(year, 6, 19)), "Juneteenth National Independence Day");
  h.set(observed(iso(year, 7, 4)), "Independence Day");
  h.set(nthWeekday(year, 9, 1, 1), "Labor Day");
  h.set(nthWeekday(year, 11, 4, 4), "Thanksgiving Day");
  h.set(observed(iso(year, 12, 25)), "Christmas Day");
  holidayCache.set(year, h);
  return h;
}

/**
 * The holiday name when `date` (`YYYY-MM-DD`) is an NYSE holiday (by rule, or a one-off closure
 * from `SPECIAL_CLOSURES`), else undefined.
 */
export function holidayName(date: string): string | undefined {
  return nyseHolidays(Number(date.slice(0, 4))).get(date) ?? specialClosure(date)?.name;
}

/** True when `date` is a weekday that is not an NYSE holiday. */
export function isTradingDay(date: string): boolean {
  const wd = weekdayOf(date);
  return wd !== 0 && wd !== 6 && holidayName(date) === undefined;
}

/**
 * True when the session on `date` closes at 13:00: July 3 (when a trading day before the
 * Independence Day holiday), the day after Thanksgiving, and December 24 (when a trading day).
 */
export function isEarlyClose(date: string): boolean {
  if (!isTradingDay(date)) return false;
  const year = Number(date.slice(0, 4));
  const md = date.slice(5);
  if (md === "07-03" || md === "12-24") return true;
  return date === addDays(nthWeekday(year, 11, 4, 4), 1);
}

/** The session of a date, or null on weekends and holidays. */
export function sessionOn(date: string): Session | null {
  if (!isTradingDay(date)) return null;
  const earlyClose = isEarlyClose(date);
  const close = earlyClose ? EARLY_CLOSE_MINUTE : SESSION_CLOSE_MINUTE;
  return {
    date,
    openAt: nyWallTimeToUtc(date, SESSION_OPEN_MINUTE),
    closeAt: nyWallTimeToUtc(date, close),
    optionsCloseAt: nyWallTimeToUtc(date, close + OPTIONS_CLOSE_DELAY_MINUTES),
    earlyClose,
  };
}

/** True when the NYSE regular session is open at instant `ms`. */
export function isMarketOpen(ms: number): boolean {
  const s = sessionOn(nyParts(ms).date);
  return s !== null && ms >= s.openAt && ms < s.closeAt;
}

/** True while index options trade at instant `ms`: from the open to 16:15 (13:15 on early closes). */
export function isOptionsMarketOpen(ms: number): boolean {
  const s = sessionOn(nyParts(ms).date);
  return s !== null && ms >= s.openAt && ms < s.optionsCloseAt;
}

/** The next trading day strictly after `date`. */
export function nextTradingDay(date: string): string {
  let d = addDays(date, 1);
  while (!isTradingDay(d)) d = addDays(d, 1);
  return d;
}

/** The latest trading day on or before `date`. */
export function tradingDayOnOrBefore(date: string): string {
  let d = date;
  while (!isTradingDay(d)) d = addDays(d, -1);
  return d;
}

/** The third Friday of a month (the standard monthly options expiration date before holiday moves). */
export function thirdFriday(year: number, month: number): string {
  return nthWeekday(year, month, 5, 3);
}
