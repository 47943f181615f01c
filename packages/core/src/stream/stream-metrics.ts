import { STREAM_KIND_DIMENSION, STREAM_METRICS, type Metrics } from "../metrics/metrics";
import type { EventsByKind } from "./kind-event-counter";
import type { StreamKind } from "./stream-freshness";
import type { StreamTaskSummary } from "./stream-status";

/** Default cadence of the stream's freshness metrics, ms (the staleness alarm's period). */
export const STREAM_METRICS_INTERVAL_MS = 60_000;

/**
 * The stream task's own freshness metrics, from the heartbeat summary and the events per kind
 * since the previous publish (no per-event work): `StreamEvents` per kind of subscribed symbol
 * (dimension {@link STREAM_KIND_DIMENSION}), the age in seconds of the newest event of the
 * stalest subscribed kind (so options that stop while the underlyings still tick page too; since
 * the task started while a kind has had none, or while nothing is subscribed), and seconds since
 * the snapshot writer's last successful flush.
 */
export class StreamFreshnessMetrics {
  /** @param startedAt when the task started streaming, ms since epoch */
  constructor(
    private readonly metrics: Metrics,
    private readonly startedAt: number,
  ) {}

  /** Publishes one set of values for the summary taken at `now` (ms since epoch). */
  publish(s: StreamTaskSummary, events: EventsByKind, now: number): void {
    const seconds = (since: number | null) =>
      Math.max(0, Math.round((now - (since ?? this.startedAt)) / 1000));
    const f = s.freshness;
    const subscribed: [StreamKind, number | null][] = [];
    if (f.underlyings > 0) subscribed.push(["underlyings", f.underlyingsLastEventAt]);
    if (f.options > 0) subscribed.push(["options", f.optionsLastEventAt]);
    const stalest = subscribed.length === 0 ? null : Math.max(...subscribed.map(([, at]) => seconds(at)));
    for (const [kind] of subscribed)
      this.metrics.publish([{ name: STREAM_METRICS.events, value: events[kind] ?? 0, unit: "Count" }], now, {
        [STREAM_KIND_DIMENSION]: kind,
      });
    this.metrics.publish(
      [
        { name: STREAM_METRICS.newestEventAge, value: stalest ?? seconds(null), unit: "Seconds" },
        { name: STREAM_METRICS.snapshotAge, value: seconds(s.writer.lastFlushAt), unit: "Seconds" },
      ],
      now,
    );
  }
}
