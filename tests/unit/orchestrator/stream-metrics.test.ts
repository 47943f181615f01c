import { describe, expect, it } from "vitest";
import { MemoryMetrics } from "@stratdeck/core/metrics";
import { StreamFreshnessMetrics, type StreamTaskSummary } from "@stratdeck/core/stream";

const T = Date.parse("2026-12-01T16:00:00Z");

/** The parts of a heartbeat summary the freshness metrics read. */
const summary = (events: number, lastEvent: number | null, lastFlush: number | null): StreamTaskSummary =>
  ({
    events,
    writer: { lastFlushAt: lastFlush },
    freshness: {
      underlyingsLastEventAt: lastEvent,
      optionsLastEventAt: lastEvent === null ? null : lastEvent - 5_000,
      underlyings: 4,
      options: 46,
      eventsPerMinute: null,
    },
  }) as unknown as StreamTaskSummary;

describe("the stream task's own freshness metrics", () => {
  it("publishes events per minute, the newest event's age and the snapshot age each minute", () => {
    const metrics = new MemoryMetrics();
    const m = new StreamFreshnessMetrics(metrics, T - 120_000);
    m.publish(summary(900, T - 1_000, T - 4_000), T);
    m.publish(summary(1_500, T + 59_000, T + 56_000), T + 60_000);
    expect(metrics.valuesOf("StreamEvents")).toEqual([900, 600]);
    expect(metrics.valuesOf("StreamNewestEventAge")).toEqual([1, 1]);
    expect(metrics.valuesOf("SnapshotAge")).toEqual([4, 4]);
  });

  it("a stalled feed grows the age; a feed that never delivered counts from the task's start", () => {
    const metrics = new MemoryMetrics();
    const m = new StreamFreshnessMetrics(metrics, T - 300_000);
    m.publish(summary(0, null, null), T);
    m.publish(summary(0, null, null), T + 60_000);
    expect(metrics.valuesOf("StreamNewestEventAge")).toEqual([300, 360]);
    expect(metrics.valuesOf("StreamEvents")).toEqual([0, 0]);
  });
});
