import {
  addDays,
  EARLY_CLOSE_MINUTE,
  nyDate,
  OPTIONS_CLOSE_DELAY_MINUTES,
  SESSION_CLOSE_MINUTE,
  sessionOn,
} from "@stratdeck/core/time";

/**
 * When the stream task runs, New York time: from a few minutes before the 09:30 open (to connect
 * and warm the snapshots) until five minutes after index options close (16:15, or 13:15 on an
 * early close), so the exits job's last check (16:10 / 13:10) reads live quotes. 7 h on a regular
 * trading day, 4 h on an early close.
 */
export const STREAM_WINDOW = {
  start: { hour: 9, minute: 20 },
  /** Minutes after index options close. */
  stopAfterOptionsCloseMinutes: 5,
} as const;

/** New York [hour, minute] the stream stops after a session closing at `closeMinute`. */
export function streamStopAt(closeMinute: number): [number, number] {
  const m = closeMinute + OPTIONS_CLOSE_DELAY_MINUTES + STREAM_WINDOW.stopAfterOptionsCloseMinutes;
  return [Math.floor(m / 60), m % 60];
}

/** One scheduled scaling action of the stream service, in America/New_York. */
export interface StreamScalingAction {
  name: string;
  /** Application Auto Scaling cron: minutes hours day-of-month month day-of-week year. */
  cron: string;
  /** Tasks to run from then on (min = max = this). */
  tasks: 0 | 1;
}

/** Default number of months of explicit scaling dates generated at deploy. */
export const STREAM_HORIZON_MONTHS = 13;

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * The stream service's scheduled scaling, generated from the NYSE calendar for `months` calendar
 * months from `fromDate`'s month: one start action per month listing its trading days (so the
 * task never starts on a holiday or a one-off closure), one early-close stop per month that has
 * early closes (13:20), and a stop every day at 16:20 (also stops a task a weekend deploy
 * started). After the horizon the task no longer starts: redeploy before `horizonEnd`.
 */
export function streamScalingActions(
  fromDate: string,
  months = STREAM_HORIZON_MONTHS,
): { actions: StreamScalingAction[]; horizonEnd: string } {
  const actions: StreamScalingAction[] = [];
  let year = Number(fromDate.slice(0, 4));
  let month = Number(fromDate.slice(5, 7));
  let last = "";
  for (let i = 0; i < months; i++) {
    const open: number[] = [];
    const early: number[] = [];
    for (let d = `${year}-${pad(month)}-01`; Number(d.slice(5, 7)) === month; d = addDays(d, 1)) {
      const s = sessionOn(d);
      last = d;
      if (!s) continue;
      open.push(Number(d.slice(8)));
      if (s.earlyClose) early.push(Number(d.slice(8)));
    }
    const ym = `${year}-${pad(month)}`;
    const { hour, minute } = STREAM_WINDOW.start;
    if (open.length > 0)
      actions.push({
        name: `OpenStream-${ym}`,
        cron: `cron(${minute} ${hour} ${open.join(",")} ${month} ? ${year})`,
        tasks: 1,
      });
    if (early.length > 0) {
      const [h, m] = streamStopAt(EARLY_CLOSE_MINUTE);
      actions.push({
        name: `EarlyCloseStream-${ym}`,
        cron: `cron(${m} ${h} ${early.join(",")} ${month} ? ${year})`,
        tasks: 0,
      });
    }
    month = month === 12 ? 1 : month + 1;
    if (month === 1) year++;
  }
  const [h, m] = streamStopAt(SESSION_CLOSE_MINUTE);
  actions.push({ name: "CloseStream", cron: `cron(${m} ${h} ? * * *)`, tasks: 0 });
  return { actions, horizonEnd: last };
}

/**
 * The deploy date the scaling horizon starts from: `STRATDECK_DEPLOY_DATE` (YYYY-MM-DD, for
 * reproducible builds and tests) or today in New York.
 */
export function deployDate(env: Readonly<Record<string, string | undefined>>, nowMs: number): string {
  const raw = env.STRATDECK_DEPLOY_DATE?.trim();
  if (raw) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(raw) || Number.isNaN(Date.parse(`${raw}T12:00:00Z`)))
      throw new Error(`STRATDECK_DEPLOY_DATE must be a date YYYY-MM-DD (got ${JSON.stringify(raw)})`);
    return raw;
  }
  return nyDate(nowMs);
}

/**
 * Snapshot write cadence and size of the deployed stream: at most one write per symbol per window
 * and a re-confirmation of unchanged symbols every heartbeat. 10 s keeps 50 symbols at ~$1.6/month
 * of DynamoDB writes (1 s would be ~$15). Every function gets the same values, so readers derive
 * their max age from them (`snapshotMaxAgeMs`: 10 + 10 + 10 = 30 s). Override at deploy with
 * `STRATDECK_STREAM_WINDOW_MS` / `STRATDECK_STREAM_HEARTBEAT_MS`.
 */
export function streamWriteCadence(env: Readonly<Record<string, string | undefined>>): {
  STRATDECK_STREAM_WINDOW_MS: string;
  STRATDECK_STREAM_HEARTBEAT_MS: string;
  STRATDECK_STREAM_MAX_OPTIONS: string;
} {
  return {
    STRATDECK_STREAM_WINDOW_MS: env.STRATDECK_STREAM_WINDOW_MS?.trim() || "10000",
    STRATDECK_STREAM_HEARTBEAT_MS: env.STRATDECK_STREAM_HEARTBEAT_MS?.trim() || "10000",
    // 4 underlyings + 46 option symbols = the 50 streamed symbols the cost model prices (open
    // positions' legs come on top and are always streamed).
    STRATDECK_STREAM_MAX_OPTIONS: env.STRATDECK_STREAM_MAX_OPTIONS?.trim() || "46",
  };
}
