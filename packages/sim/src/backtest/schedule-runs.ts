import { isScheduledMinute, type JobSchedule, type JobRun, slotOf } from "@stratdeck/core/orchestrator";
import {
  weekdayOf,
  isTradingDay,
  nextTradingDay,
  SESSION_OPEN_MINUTE,
  sessionOn,
} from "@stratdeck/core/time";

/**
 * Jobs the backtest does not run on their deployed schedule: `health` checks the live data path
 * (REST, DXLink, the stream heartbeat), which does not exist in-process; `settle` runs at 16:05–16:20
 * when deployed (after the prints are published), while the backtest runs it at the settlement
 * instants themselves, each session's open and close (runBacktest), where the market's print is
 * already known. Every other schedule runs as deployed.
 */
export const JOBS_NOT_BACKTESTED: ReadonlySet<string> = new Set(["health", "settle"]);

/** NYSE trading days from `from` to `to` inclusive, `YYYY-MM-DD`. */
export function tradingDaysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = isTradingDay(from) ? from : nextTradingDay(from); d <= to; d = nextTradingDay(d)) days.push(d);
  return days;
}

/**
 * The runs the schedules fire on one NYSE trading day (none on other dates), in time order (schedules in their listed
 * order within a minute), skipping market-hours-only runs outside the session (early closes).
 */
export function scheduledRuns(date: string, schedules: readonly JobSchedule[]): JobRun[] {
  const weekday = weekdayOf(date);
  const session = sessionOn(date);
  if (!session) return [];
  const runs: { run: JobRun; order: number }[] = [];
  schedules.forEach((s, order) => {
    if (JOBS_NOT_BACKTESTED.has(s.job)) return;
    const minutes = new Set<number>(s.alsoAtMinutes ?? []);
    for (let m = s.startMinute; m < s.endMinute; m++) minutes.add(m);
    for (const m of [...minutes].sort((a, b) => a - b)) {
      if (!isScheduledMinute(s, m, weekday)) continue;
      // No DST change falls inside a trading day's hours, so minutes add to the date's midnight
      // (checked against the calendar's own conversion for every run in the tests).
      const at = session.openAt + (m - SESSION_OPEN_MINUTE) * 60_000;
      if (s.marketHoursOnly && !(at >= session.openAt && at < session.closeAt)) continue;
      runs.push({ run: { job: s.job, slot: slotOf(at, s.everyMinutes), at }, order });
    }
  });
  return runs.sort((a, b) => a.run.at - b.run.at || a.order - b.order).map((r) => r.run);
}
