/** Parsing of the expressions `cronExpressions` (schedules.ts) makes, for tests and checks. */

/** New York minutes-of-day a cron expression from {@link cronExpressions} fires at on a weekday. */
export function cronMinutes(expr: string): number[] {
  const m = /^cron\((\S+) (\S+) \? \* MON-FRI \*\)$/.exec(expr);
  const [, minutes, hours] = m ?? [];
  if (minutes === undefined || hours === undefined) throw new Error(`not a weekday cron expression: ${expr}`);
  const [lo = NaN, hi = lo] = hours.split("-").map(Number);
  const step = /^0\/(\d+)$/.exec(minutes);
  const mins = step
    ? Array.from({ length: 60 / Number(step[1]) }, (_, i) => i * Number(step[1]))
    : minutes.split(",").map(Number);
  const out: number[] = [];
  for (let h = lo; h <= hi; h++) for (const x of mins) out.push(h * 60 + x);
  return out;
}
