import type { JobSchedule } from "./schedules";

/** Minutes of each New York hour a schedule runs in, by hour (only hours with a run). */
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
 * every 5 min = `35,40,45,50,55 9` + `0/5 10-15`).
 */
export function cronExpressions(s: JobSchedule): string[] {
  const groups: { hours: number[]; minutes: number[] }[] = [];
  for (const [h, mins] of minutesByHour(s)) {
    const last = groups.at(-1);
    if (last && last.hours.at(-1) === h - 1 && last.minutes.join() === mins.join()) last.hours.push(h);
    else groups.push({ hours: [h], minutes: mins });
  }
  return groups.map((g) => {
    const hours = g.hours.length === 1 ? `${g.hours[0]}` : `${g.hours[0]}-${g.hours.at(-1)}`;
    return `cron(${minuteField(g.minutes, s.everyMinutes)} ${hours} ? * MON-FRI *)`;
  });
}

/** New York minutes-of-day a cron expression from {@link cronExpressions} fires at on a weekday. */
export function cronMinutes(expr: string): number[] {
  const m = /^cron\((\S+) (\S+) \? \* MON-FRI \*\)$/.exec(expr);
  if (!m) throw new Error(`not a weekday cron expression: ${expr}`);
  const [lo, hi] = m[2]!.split("-").map(Number);
  const step = /^0\/(\d+)$/.exec(m[1]!);
  const mins = step
    ? Array.from({ length: 60 / Number(step[1]) }, (_, i) => i * Number(step[1]))
    : m[1]!.split(",").map(Number);
  const out: number[] = [];
  for (let h = lo!; h <= (hi ?? lo!); h++) for (const x of mins) out.push(h * 60 + x);
  return out;
}
