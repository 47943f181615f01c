import { nyParts } from "../time/new-york";
import {
  EARLY_CLOSE_MINUTE,
  isMarketOpen,
  isOptionsMarketOpen,
  SESSION_CLOSE_MINUTE,
  sessionOn,
} from "../time/nyse-calendar";
import { isScheduledMinute, type JobSchedule } from "./schedules";

/** Why a scheduled invocation does no work. */
export type SkipReason = "off-schedule" | "market-closed";

/**
 * Why the run of schedule `s` at `at` (ms) is skipped, or null when it should run. Every job skips
 * NYSE holidays and one-off closures; market-hours jobs skip outside the session; on an early
 * close the end of a schedule that starts before the close moves earlier by the hours the session
 * lost (exits stop at 13:15, health at 13:15; a job that starts after the close keeps its times).
 * A schedule with `untilOptionsClose` counts the session until index options close (16:15).
 * `onGrid: false` skips the grid check (a run with no scheduled time).
 */
export function skipReason(s: JobSchedule, at: number, onGrid = true): SkipReason | null {
  const ny = nyParts(at);
  if (onGrid && !isScheduledMinute(s, ny.minuteOfDay, ny.weekday)) return "off-schedule";
  const session = sessionOn(ny.date);
  if (!session) return "market-closed";
  if (s.marketHoursOnly && !inSessionFor(s, at)) return "market-closed";
  const lost = SESSION_CLOSE_MINUTE - (session.earlyClose ? EARLY_CLOSE_MINUTE : SESSION_CLOSE_MINUTE);
  if (s.startMinute < SESSION_CLOSE_MINUTE && ny.minuteOfDay >= s.endMinute - lost) return "market-closed";
  return null;
}

/** Whether `at` is inside the session as schedule `s` counts it (equity close, or options close). */
export function inSessionFor(s: JobSchedule, at: number): boolean {
  return s.untilOptionsClose ? isOptionsMarketOpen(at) : isMarketOpen(at);
}
