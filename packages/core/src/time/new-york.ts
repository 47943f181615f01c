/** IANA zone of the US equity and index options markets. */
export const NEW_YORK = "America/New_York";

const HOUR_MS = 3_600_000;

/**
 * The ICU formatter, only for instants before 1987. Building one with a time zone loads ICU's zone
 * data (about 13 ms, measured on Node 20), which every Lambda would otherwise pay at cold start.
 */
let icuFormat: Intl.DateTimeFormat | undefined;
const icu = (): Intl.DateTimeFormat =>
  (icuFormat ??= new Intl.DateTimeFormat("en-US", {
    timeZone: NEW_YORK,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    weekday: "short",
  }));

/** Day of month (1-31) of the `n`th Sunday (1-based) of `month` (0-11) in `year`. */
const nthSunday = (year: number, month: number, n: number): number =>
  1 + ((7 - new Date(Date.UTC(year, month, 1)).getUTCDay()) % 7) + 7 * (n - 1);

/** Day of month of the last Sunday of `month` (0-11) in `year`. */
function lastSunday(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0));
  return last.getUTCDate() - last.getUTCDay();
}

const dstCache = new Map<number, readonly [number, number]>();

/**
 * The UTC instants (ms) at which daylight time starts and ends in New York in `year`, by US law:
 * since 2007 (Energy Policy Act of 2005) 02:00 EST on the second Sunday of March to 02:00 EDT on the
 * first Sunday of November; 1987-2006 the first Sunday of April to the last Sunday of October.
 * A test holds these against the runtime's IANA data for every year 1987-2060.
 */
function dstBounds(year: number): readonly [number, number] {
  let bounds = dstCache.get(year);
  if (!bounds) {
    const [startMonth, startDay, endMonth, endDay] =
      year >= 2007
        ? [2, nthSunday(year, 2, 2), 10, nthSunday(year, 10, 1)]
        : [3, nthSunday(year, 3, 1), 9, lastSunday(year, 9)];
    bounds = [Date.UTC(year, startMonth, startDay, 7), Date.UTC(year, endMonth, endDay, 6)];
    dstCache.set(year, bounds);
  }
  return bounds;
}

/** First year the arithmetic rules cover; earlier instants go through ICU. */
const RULES_FROM_YEAR = 1987;

/** Wall-clock fields of an instant in New York. */
export interface NyParts {
  /** Calendar date, `YYYY-MM-DD`. */
  date: string;
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  /** Minutes since local midnight. */
  minuteOfDay: number;
}

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

/**
 * Splits an instant (ms since epoch) into New York wall-clock fields: by arithmetic on the US
 * daylight-saving rules from 1987 on (no ICU time-zone data to load), through ICU before.
 */
export function nyParts(ms: number): NyParts {
  const year = new Date(ms).getUTCFullYear();
  if (!(year >= RULES_FROM_YEAR)) return icuParts(ms);
  const [dstStart, dstEnd] = dstBounds(year);
  const offsetHours = ms >= dstStart && ms < dstEnd ? 4 : 5;
  const local = new Date(ms - offsetHours * HOUR_MS);
  const y = local.getUTCFullYear();
  const month = local.getUTCMonth() + 1;
  const day = local.getUTCDate();
  const hour = local.getUTCHours();
  const minute = local.getUTCMinutes();
  return {
    date: `${String(y).padStart(4, "0")}-${pad2(month)}-${pad2(day)}`,
    year: y,
    month,
    day,
    hour,
    minute,
    second: local.getUTCSeconds(),
    weekday: local.getUTCDay(),
    minuteOfDay: hour * 60 + minute,
  };
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** {@link nyParts} through ICU's IANA data (instants before 1987, and the tests' reference). */
export function icuParts(ms: number): NyParts {
  const p: Record<string, string> = {};
  for (const part of icu().formatToParts(new Date(ms))) p[part.type] = part.value;
  const year = Number(p.year);
  const month = Number(p.month);
  const day = Number(p.day);
  const hour = Number(p.hour);
  const minute = Number(p.minute);
  return {
    date: `${p.year}-${p.month}-${p.day}`,
    year,
    month,
    day,
    hour,
    minute,
    second: Number(p.second),
    weekday: WEEKDAYS[p.weekday ?? ""] ?? -1,
    minuteOfDay: hour * 60 + minute,
  };
}

/** The New York calendar date (`YYYY-MM-DD`) of an instant. */
export function nyDate(ms: number): string {
  return nyParts(ms).date;
}

/**
 * The instant (ms since epoch) of a New York wall-clock time on a date, correct across DST.
 * @param date - `YYYY-MM-DD`
 * @param minuteOfDay - minutes since local midnight (e.g. 570 for 09:30)
 */
export function nyWallTimeToUtc(date: string, minuteOfDay: number): number {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const naiveUtc = Date.UTC(y, m - 1, d, 0, minuteOfDay);
  // New York is UTC-5 or UTC-4; try both offsets and keep the one that round-trips.
  for (const offsetHours of [5, 4]) {
    const guess = naiveUtc + offsetHours * 3_600_000;
    const back = nyParts(guess);
    if (back.date === date && back.minuteOfDay === minuteOfDay) return guess;
  }
  // Inside the spring-forward gap: use the standard-time reading (one hour later in wall time).
  return naiveUtc + 5 * 3_600_000;
}

/** Adds `days` calendar days to a `YYYY-MM-DD` date. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Day of week (0 = Sunday) of a `YYYY-MM-DD` date. */
export function weekdayOf(date: string): number {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** UTC midnight of a date's parse, by date (bounded: cleared when full; NaN kept for a bad date). */
const midnights = new Map<string, number>();

function utcMidnight(date: string): number {
  let ms = midnights.get(date);
  if (ms === undefined) {
    if (midnights.size >= 4096) midnights.clear();
    ms = Date.parse(`${date}T00:00:00Z`);
    midnights.set(date, ms);
  }
  return ms;
}

/** Whole calendar days from date `a` to date `b` (both `YYYY-MM-DD`). */
export function daysBetween(a: string, b: string): number {
  return Math.round((utcMidnight(b) - utcMidnight(a)) / 86_400_000);
}
