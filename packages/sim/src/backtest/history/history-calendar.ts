import { holidayName, isTradingDay } from "@stratdeck/core/time";
import type { DailyBar, DailySeries } from "./daily-csv";
import { HistoryFileError } from "./history-file-error";

/** Where a missing trading day sits in a file: the line of its "missing" row, else of the row after it. */
function lineNear(series: DailySeries, day: string): number {
  const marked = series.missing.find((m) => m.date === day);
  if (marked) return marked.line;
  return series.bars.find((b) => b.date > day)?.line ?? series.bars.at(-1)?.line ?? 0;
}

/** The bar of each day, by date. */
function byDate(series: DailySeries): Map<string, DailyBar> {
  return new Map(series.bars.map((b) => [b.date, b]));
}

/**
 * The underlying's bars on `days` (the NYSE trading days of the replay, ascending), checked against
 * the calendar: a trading day without a bar and a bar on a day the NYSE was closed are each a
 * {@link HistoryFileError} naming the line.
 */
export function sessionBars(series: DailySeries, days: readonly string[]): DailyBar[] {
  const first = days[0];
  const last = days.at(-1);
  if (!first || !last) throw new HistoryFileError(series.file, 0, "no NYSE trading day in the range");
  for (const b of series.bars) {
    if (b.date < first || b.date > last || isTradingDay(b.date)) continue;
    const why = holidayName(b.date) ?? "a weekend";
    throw new HistoryFileError(series.file, b.line, `${b.date} is not an NYSE trading day (${why})`);
  }
  return barsOn(series, days, "the replay");
}

/**
 * The bars of a file on each of `days`; a day without one is a {@link HistoryFileError}: before
 * the file's first row or after its last ("does not cover"), or a gap (naming the line).
 * @param what - what needs the days (for the message)
 */
export function barsOn(series: DailySeries, days: readonly string[], what: string): DailyBar[] {
  const bars = byDate(series);
  const firstBar = series.bars[0] as DailyBar;
  const lastBar = series.bars.at(-1) as DailyBar;
  return days.map((day) => {
    const bar = bars.get(day);
    if (bar) return bar;
    if (day < firstBar.date)
      throw new HistoryFileError(
        series.file,
        firstBar.line,
        `does not cover ${what}: it starts on ${firstBar.date}, the replay on ${day}`,
      );
    if (day > lastBar.date)
      throw new HistoryFileError(
        series.file,
        lastBar.line,
        `does not cover ${what}: it ends on ${lastBar.date}, the replay on ${day}`,
      );
    throw new HistoryFileError(series.file, lineNear(series, day), `missing trading day ${day}`);
  });
}

/** The closes of the bars strictly before `day`, the last `count` of them (oldest first). */
export function closesBefore(series: DailySeries, day: string, count: number): number[] {
  const before = series.bars.filter((b) => b.date < day);
  return before.slice(Math.max(0, before.length - count)).map((b) => b.close);
}
