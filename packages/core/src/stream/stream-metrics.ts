import { STREAM_METRICS, type Metrics } from "../metrics/metrics";
import type { StreamTaskSummary } from "./stream-status";

/** Default cadence of the stream's freshness metrics, ms (the staleness alarm's period). */
export const STREAM_METRICS_INTERVAL_MS = 60_000;

/**
 * The stream task's own freshness metrics, from consecutive heartbeat summaries (no per-event
 * work): events applied since the previous publish, seconds since the newest event of any
 * subscribed symbol (since the task started while none has come), and seconds since the snapshot
 * writer's last successful flush.
 */
export class StreamFreshnessMetrics {
  private lastEvents: number | null = null;

  /** @param startedAt when the task started streaming, ms since epoch */
  constructor(
    private readonly metrics: Metrics,
    private readonly startedAt: number,
  ) {}

  /** Publishes one set of values for the summary taken at `now` (ms since epoch). */
  publish(s: StreamTaskSummary, now: number): void {
    const events = this.lastEvents === null ? s.events : Math.max(0, s.events - this.lastEvents);
    this.lastEvents = s.events;
    const seconds = (since: number | null) =>
      Math.max(0, Math.round((now - (since ?? this.startedAt)) / 1000));
    const f = s.freshness;
    const newest = Math.max(f.underlyingsLastEventAt ?? -Infinity, f.optionsLastEventAt ?? -Infinity);
    this.metrics.publish(
      [
        { name: STREAM_METRICS.events, value: events, unit: "Count" },
        {
          name: STREAM_METRICS.newestEventAge,
          value: seconds(Number.isFinite(newest) ? newest : null),
          unit: "Seconds",
        },
        { name: STREAM_METRICS.snapshotAge, value: seconds(s.writer.lastFlushAt), unit: "Seconds" },
      ],
      now,
    );
  }
}
