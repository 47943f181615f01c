/** IANA zone of the US equity and index options markets. */
export const NEW_YORK = "America/New_York";

const partsFormat = new Intl.DateTimeFormat("en-US", {
  timeZone: NEW_YORK,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  weekday: "short",
});

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

/** Splits an instant (ms since epoch) into New York wall-clock fields. */
export function nyParts(ms: number): NyParts {
  const p: Record<string, string> = {};
  for (const part of partsFormat.formatToParts(new Date(ms))) p[part.type] = part.value;
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

/** Whole calendar days from date `a` to date `b` (both `YYYY-MM-DD`). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
