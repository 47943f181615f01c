import type { Log } from "../log/log";
import { AlertStore } from "./alert-store";
import type { Notifier } from "./notifier";

/** Deps of {@link notifyOnce}. */
export interface NotifyOnceDeps {
  alerts: AlertStore;
  notifier: Notifier;
  log: Log;
}

/** One alert about one position's rule. */
export interface PositionAlert {
  positionId: string;
  /** Rule that fired, e.g. `profit-target`; with the position id it is the dedupe key. */
  rule: string;
  subject: string;
  message: string;
  /** Rule inputs (values and thresholds), stored with the claim. */
  details: Record<string, unknown>;
  /** Extra notifier attributes (positionId and rule are always added). */
  attributes?: Record<string, string>;
}

/** What happened to an alert: delivered now, delivered by an earlier run, or failed (will retry). */
export type NotifyOutcome = "sent" | "duplicate" | "failed";

/**
 * Sends an alert at most once per position and rule: claims the key in the AlertStore first, then
 * publishes; a failed publish releases the claim so the next run retries it.
 */
export async function notifyOnce(deps: NotifyOnceDeps, alert: PositionAlert): Promise<NotifyOutcome> {
  let claim: Awaited<ReturnType<AlertStore["claim"]>>;
  try {
    claim = await deps.alerts.claim({
      positionId: alert.positionId,
      rule: alert.rule,
      message: alert.message,
      details: alert.details,
    });
  } catch (err) {
    // The store is unreachable: nothing was claimed, so the next run retries; other positions go on.
    deps.log.error("alert.failed", {
      positionId: alert.positionId,
      rule: alert.rule,
      stage: "claim",
      error: err as Error,
    });
    return "failed";
  }
  if (claim.status === "duplicate") return "duplicate";
  try {
    await deps.notifier.publish({
      subject: alert.subject,
      message: alert.message,
      attributes: { ...alert.attributes, positionId: alert.positionId, rule: alert.rule },
    });
    deps.log.info("alert.sent", { positionId: alert.positionId, rule: alert.rule, subject: alert.subject });
    return "sent";
  } catch (err) {
    deps.log.error("alert.failed", {
      positionId: alert.positionId,
      rule: alert.rule,
      error: (err as Error).message,
    });
    const key = AlertStore.keyFor(alert.positionId, alert.rule);
    // If the release fails too, the claim stays until its retention ends: log it loudly.
    await deps.alerts
      .release(key)
      .catch((e: Error) => deps.log.error("alert.release-failed", { alertKey: key, error: e.message }));
    return "failed";
  }
}
