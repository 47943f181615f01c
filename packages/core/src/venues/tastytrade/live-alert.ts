import { notifyOnce, type NotifyOnceDeps, type NotifyOutcome } from "../../alerts/notify-once";
import type { Log } from "../../log/log";

/** Sends a live-trading alert once per `rule` when an alert store and notifier are wired; else only the log. */
export async function liveAlert(
  deps: { log: Log } & Partial<Pick<NotifyOnceDeps, "alerts" | "notifier">>,
  alert: { rule: string; subject: string; message: string; details?: Record<string, unknown> },
): Promise<NotifyOutcome | "logged"> {
  if (!deps.alerts || !deps.notifier) {
    deps.log.warn("alert.sent", { rule: alert.rule, subject: alert.subject, channel: "log" });
    return "logged";
  }
  return notifyOnce(
    { alerts: deps.alerts, notifier: deps.notifier, log: deps.log },
    { positionId: "live", details: {}, ...alert },
  );
}
