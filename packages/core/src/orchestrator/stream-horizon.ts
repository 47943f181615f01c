import { notifyOnce, type NotifyOnceDeps, type NotifyOutcome } from "../alerts/notify-once";
import { daysBetween, nyDate } from "../time/new-york";

/** Days before the stream's scaling horizon from which the health job warns, once a day. */
export const HORIZON_WARNING_DAYS = 30;

/** The command that extends the horizon (a redeploy regenerates 13 months of scaling dates). */
export const HORIZON_EXTEND_COMMAND = "npx sst deploy --stage <stage>";

/**
 * Days left until the stream service's last scheduled trading day `horizonEnd` (`YYYY-MM-DD`, the
 * stack's `StreamScheduleHorizonEnd`) as seen on New York date `today`, when within
 * {@link HORIZON_WARNING_DAYS} (negative once past it); null when further away or unknown.
 */
export function horizonDaysLeft(horizonEnd: string | undefined, today: string): number | null {
  if (!horizonEnd) return null;
  const left = daysBetween(today, horizonEnd);
  return left <= HORIZON_WARNING_DAYS ? left : null;
}

/**
 * Alerts the trader once per New York day from {@link HORIZON_WARNING_DAYS} days before the
 * scaling horizon: after it the stream task no longer starts. Returns what was done.
 */
export async function warnBeforeHorizon(
  deps: Partial<NotifyOnceDeps> & { log: NotifyOnceDeps["log"] },
  horizonEnd: string | undefined,
  at: number,
): Promise<NotifyOutcome | "none"> {
  const today = nyDate(at);
  const left = horizonDaysLeft(horizonEnd, today);
  if (left === null || !deps.alerts || !deps.notifier) return "none";
  const when = left >= 0 ? `in ${left} day(s), on ${horizonEnd}` : `on ${horizonEnd} (${-left} day(s) ago)`;
  return notifyOnce(
    { alerts: deps.alerts, notifier: deps.notifier, log: deps.log },
    {
      positionId: "system",
      rule: `horizon:${today}`,
      subject: "StratDeck: the stream schedule ends soon: redeploy",
      message:
        `The stream task's scheduled start dates end ${when}; after that it no longer starts and ` +
        `the staleness alarm fires every session. Extend them by deploying again: ${HORIZON_EXTEND_COMMAND} ` +
        `(13 months from the deploy month).`,
      details: { horizonEnd: horizonEnd ?? null, daysLeft: left },
    },
  );
}
