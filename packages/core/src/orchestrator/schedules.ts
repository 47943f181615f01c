/** A job the scheduler runs (in AWS: one EventBridge schedule + Lambda; locally: the local scheduler). */
export type JobName = "ideas" | "exits" | "health" | "settle" | "reconcile";

/** When a job runs: every `everyMinutes` within [startMinute, endMinute) New York time, Mon–Fri. */
export interface JobSchedule {
  job: JobName;
  /** Period, minutes (must divide 60). */
  everyMinutes: number;
  /** First run, minutes after New York midnight (inclusive). */
  startMinute: number;
  /** Last run strictly before this, minutes after New York midnight. */
  endMinute: number;
  /** Skip runs outside NYSE sessions (holidays, early closes) even when the cron fires. */
  marketHoursOnly: boolean;
  /** With `marketHoursOnly`: the session lasts until index options close (16:15, 13:15 early). */
  untilOptionsClose?: boolean;
  /** Further single runs, minutes after New York midnight, Mon–Fri (each its own cron). */
  alsoAtMinutes?: readonly number[];
  description: string;
}

/** IANA time zone every schedule is expressed in (DST handled by the scheduler). */
export const SCHEDULE_TIME_ZONE = "America/New_York";

/**
 * The one definition of StratDeck's schedules, used by the SST stacks (EventBridge Scheduler cron
 * in America/New_York) and by the local scheduler.
 */
export const SCHEDULES: readonly JobSchedule[] = [
  {
    job: "ideas",
    everyMinutes: 30,
    startMinute: 10 * 60,
    endMinute: 15 * 60 + 30,
    marketHoursOnly: true,
    description: "scan strategies, apply filters and risk, enter paper trades",
  },
  {
    job: "exits",
    everyMinutes: 5,
    startMinute: 9 * 60 + 35,
    // Until index options close (16:15; 13:15 on an early close): last check 16:10 (13:10).
    endMinute: 16 * 60 + 15,
    marketHoursOnly: true,
    untilOptionsClose: true,
    description: "settle expired positions, check exit rules, send deduplicated alerts",
  },
  {
    job: "health",
    everyMinutes: 15,
    startMinute: 9 * 60,
    endMinute: 16 * 60 + 15,
    marketHoursOnly: false,
    description: "check REST, DXLink and the stream heartbeat",
  },
  {
    job: "settle",
    everyMinutes: 5,
    // After the close (16:00; early closes at 13:00 are long past): 16:05, 16:10, 16:15, 16:20.
    startMinute: 16 * 60 + 5,
    endMinute: 16 * 60 + 25,
    // Runs after the close and on holidays too: it only settles what is due, from recorded prints.
    marketHoursOnly: false,
    // Morning runs for AM roots (opening settlement value of the expiration morning).
    alsoAtMinutes: [9 * 60 + 45, 10 * 60 + 15],
    description: "record the indexes' opening and closing prints, settle expired positions at them",
  },
  {
    job: "reconcile",
    everyMinutes: 15,
    startMinute: 9 * 60 + 45,
    endMinute: 16 * 60 + 15,
    marketHoursOnly: true,
    description: "compare the order log's live positions with the broker's; alert once on drift",
  },
];

/** Minutes of each New York hour a schedule's window runs in, by hour (only hours with a run). */
function minutesByHour(s: JobSchedule): Map<number, number[]> {
  const out = new Map<number, number[]>();
  const first = Math.ceil(s.startMinute / s.everyMinutes) * s.everyMinutes;
  for (let m = first; m < s.endMinute; m += s.everyMinutes) {
    const h = Math.floor(m / 60);
    out.set(h, [...(out.get(h) ?? []), m % 60]);
  }
  return out;
}

const minuteField = (mins: number[], every: number): string =>
  mins.length === 60 / every && mins[0] === 0 ? `0/${every}` : mins.join(",");

/**
 * EventBridge Scheduler cron expressions (minutes, hours, day-of-month, month, day-of-week, year)
 * that fire exactly at the schedule's run times on weekdays, in America/New_York: hours with the
 * same minutes share one expression, so no invocation lands off the grid (e.g. exits 09:35–15:55
 * every 5 min = `35,40,45,50,55 9` + `0/5 10-15`), then one per `alsoAtMinutes` entry.
 */
export function cronExpressions(s: JobSchedule): string[] {
  const groups: { hours: number[]; minutes: number[] }[] = [];
  for (const [h, mins] of minutesByHour(s)) {
    const last = groups.at(-1);
    if (last && last.hours.at(-1) === h - 1 && last.minutes.join() === mins.join()) last.hours.push(h);
    else groups.push({ hours: [h], minutes: mins });
  }
  const window = groups.map((g) => {
    const hours = g.hours.length === 1 ? `${g.hours[0]}` : `${g.hours[0]}-${g.hours.at(-1)}`;
    return `cron(${minuteField(g.minutes, s.everyMinutes)} ${hours} ? * MON-FRI *)`;
  });
  const extra = (s.alsoAtMinutes ?? []).map((m) => `cron(${m % 60} ${Math.floor(m / 60)} ? * MON-FRI *)`);
  return [...window, ...extra];
}

/** True when New York minute-of-day `m` on a weekday is one of the schedule's run times. */
export function isScheduledMinute(s: JobSchedule, minuteOfDay: number, weekday: number): boolean {
  if (weekday === 0 || weekday === 6) return false;
  if (s.alsoAtMinutes?.includes(minuteOfDay)) return true;
  if (minuteOfDay < s.startMinute || minuteOfDay >= s.endMinute) return false;
  return minuteOfDay % s.everyMinutes === 0;
}

/** The schedule of a job. */
export function scheduleOf(job: JobName): JobSchedule {
  const s = SCHEDULES.find((x) => x.job === job);
  if (!s) throw new Error(`unknown job ${job}`);
  return s;
}
