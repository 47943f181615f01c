import type { Log, LogFields } from "../log/log";
import type { Clock } from "../time/clock";

/**
 * Logs bad input without flooding: the first occurrence of each kind is logged at once, later
 * ones at most once per `intervalMs` per kind, with the number suppressed in between.
 */
export class ThrottledWarnings {
  private readonly kinds = new Map<string, { total: number; suppressed: number; lastLogAt: number }>();

  /**
   * @param event - log event name, e.g. `dxlink.malformed`
   * @param intervalMs - minimum time between two lines of the same kind, ms
   */
  constructor(
    private readonly log: Log,
    private readonly clock: Clock,
    private readonly event = "dxlink.malformed",
    private readonly intervalMs = 60_000,
  ) {}

  /** Records `count` occurrences of `kind` and logs when due. */
  warn(kind: string, fields: LogFields = {}, count = 1): void {
    const now = this.clock.now();
    let k = this.kinds.get(kind);
    if (!k) {
      k = { total: 0, suppressed: 0, lastLogAt: -Infinity };
      this.kinds.set(kind, k);
    }
    k.total += count;
    if (now - k.lastLogAt < this.intervalMs) {
      k.suppressed += count;
      return;
    }
    this.log.warn(this.event, { kind, ...fields, total: k.total, suppressedSinceLast: k.suppressed });
    k.suppressed = 0;
    k.lastLogAt = now;
  }

  /** Occurrences per kind since start. */
  totals(): Record<string, number> {
    return Object.fromEntries([...this.kinds].map(([kind, k]) => [kind, k.total]));
  }
}
