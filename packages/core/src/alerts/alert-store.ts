import type { Clock } from "../time/clock";

/** One alert that was (or is about to be) sent. */
export interface AlertRecord {
  /** Deduplication key: one alert per position per rule, e.g. `pos_ab12|profit-target`. */
  alertKey: string;
  positionId: string;
  /** Exit rule that fired, e.g. `profit-target`, `dte`, `max-loss`, `expired`. */
  rule: string;
  /** Human text of the alert. */
  message: string;
  /** Rule inputs at the time (values and thresholds). */
  details: Record<string, unknown>;
  /** When it was claimed, ms since epoch. */
  sentAt: number;
}

/** Result of {@link AlertStore.claim}. */
export type ClaimResult =
  { status: "claimed"; alert: AlertRecord } | { status: "duplicate"; existing: AlertRecord | null };

/**
 * Port that makes alerts idempotent: an alert is sent only by the caller that first claims its key
 * (a conditional write), so at-least-once schedules never resend it.
 */
export abstract class AlertStore {
  constructor(
    protected readonly clock: Clock,
    /** How long a claim is kept for cleanup, seconds (default 120 days). */
    protected readonly retentionSeconds = 120 * 86_400,
  ) {}

  /** The dedupe key of a position's rule. */
  static keyFor(positionId: string, rule: string): string {
    return `${positionId}|${rule}`;
  }

  /** Claims an alert; only the first claim of a key succeeds. */
  async claim(input: Omit<AlertRecord, "alertKey" | "sentAt">): Promise<ClaimResult> {
    const alert: AlertRecord = {
      ...input,
      alertKey: AlertStore.keyFor(input.positionId, input.rule),
      sentAt: this.clock.now(),
    };
    const ok = await this.insertIfAbsent(alert, Math.floor(alert.sentAt / 1000) + this.retentionSeconds);
    if (ok) return { status: "claimed", alert };
    return { status: "duplicate", existing: await this.load(alert.alertKey) };
  }

  /** Releases a claim whose delivery failed, so the next run can retry it. */
  abstract release(alertKey: string): Promise<void>;
  /** The most recent alerts, newest first. */
  abstract recent(limit: number): Promise<AlertRecord[]>;
  /** Adapter: insert unless the key exists; true when inserted. */
  protected abstract insertIfAbsent(alert: AlertRecord, expiresAt: number): Promise<boolean>;
  /** Adapter: read one alert. */
  protected abstract load(alertKey: string): Promise<AlertRecord | null>;
}
