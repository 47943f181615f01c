import type { Log } from "../log/log";

/** One message to deliver to the trader (SNS → e-mail/SMS, or the console locally). */
export interface AlertMessage {
  /** Short title, one line (SNS e-mail subject: at most 100 characters). */
  subject: string;
  /** Body text. */
  message: string;
  /** Flat string attributes for filtering (e.g. `positionId`, `rule`, `underlying`). */
  attributes?: Record<string, string>;
}

/** Port: delivers alert messages. Throws when delivery fails so the caller can retry later. */
export interface Notifier {
  publish(alert: AlertMessage): Promise<void>;
}

/** Notifier that writes each alert to the log as `alert.sent` (the local default). */
export class ConsoleNotifier implements Notifier {
  constructor(private readonly log: Log) {}

  async publish(alert: AlertMessage): Promise<void> {
    this.log.info("alert.sent", {
      channel: "console",
      subject: alert.subject,
      message: alert.message,
      attributes: alert.attributes ?? {},
    });
  }
}

/** Notifier that keeps what it was given; for tests. `failNext(n)` makes the next n publishes throw. */
export class MemoryNotifier implements Notifier {
  readonly sent: AlertMessage[] = [];
  private failures = 0;

  /** Makes the next `count` publishes fail. */
  failNext(count = 1): void {
    this.failures += count;
  }

  async publish(alert: AlertMessage): Promise<void> {
    if (this.failures > 0) {
      this.failures -= 1;
      throw new Error("MemoryNotifier: simulated delivery failure");
    }
    this.sent.push(structuredClone(alert));
  }
}
