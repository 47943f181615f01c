import { describe, expect, it } from "vitest";
import { MarketBook } from "@stratdeck/core/dxlink";
import { MemoryMetrics } from "@stratdeck/core/metrics";
import { KindEventCounter, StreamFreshnessMetrics, type StreamTaskSummary } from "@stratdeck/core/stream";

const T = Date.parse("2026-12-01T16:00:00Z");

/** The parts of a heartbeat summary the freshness metrics read. */
const summary = (
  underlyingAt: number | null,
  optionAt: number | null,
  lastFlush: number | null,
  kinds = { underlyings: 4, options: 46 },
): StreamTaskSummary =>
  ({
    writer: { lastFlushAt: lastFlush },
    freshness: {
      underlyingsLastEventAt: underlyingAt,
      optionsLastEventAt: optionAt,
      ...kinds,
      eventsPerMinute: null,
    },
  }) as unknown as StreamTaskSummary;

/** Values of `name` published with dimension Kind = `kind`. */
const byKind = (metrics: MemoryMetrics, name: string, kind: string): number[] =>
  metrics.published
    .filter((p) => p.dimensions.Kind === kind)
    .flatMap((p) => p.values.filter((v) => v.name === name).map((v) => v.value));

describe("the stream task's own freshness metrics", () => {
  it("publishes events per kind, the stalest kind's newest-event age and the snapshot age each minute", () => {
    const metrics = new MemoryMetrics();
    const m = new StreamFreshnessMetrics(metrics, T - 120_000);
    m.publish(summary(T - 1_000, T - 6_000, T - 4_000), { underlyings: 300, options: 600 }, T);
    m.publish(summary(T + 59_000, T + 58_000, T + 56_000), { underlyings: 200, options: 400 }, T + 60_000);
    expect(byKind(metrics, "StreamEvents", "underlyings")).toEqual([300, 200]);
    expect(byKind(metrics, "StreamEvents", "options")).toEqual([600, 400]);
    // The stalest kind: the options' newest event (6 s, then 2 s old).
    expect(metrics.valuesOf("StreamNewestEventAge")).toEqual([6, 2]);
    expect(metrics.valuesOf("SnapshotAge")).toEqual([4, 4]);
    // The age and snapshot age carry no Kind dimension (the staleness alarm reads them as they are).
    for (const p of metrics.published.filter((x) => x.values.some((v) => v.name === "SnapshotAge")))
      expect(p.dimensions).toEqual({});
  });

  it("options stalling while the underlyings still tick grow the age (one kind stalled pages)", () => {
    const metrics = new MemoryMetrics();
    const m = new StreamFreshnessMetrics(metrics, T - 600_000);
    m.publish(summary(T - 500, T - 130_000, T - 1_000), { underlyings: 240, options: 0 }, T);
    expect(metrics.valuesOf("StreamNewestEventAge")).toEqual([130]);
    expect(byKind(metrics, "StreamEvents", "options")).toEqual([0]);
  });

  it("a stalled feed grows the age; a feed that never delivered counts from the task's start", () => {
    const metrics = new MemoryMetrics();
    const m = new StreamFreshnessMetrics(metrics, T - 300_000);
    m.publish(summary(null, null, null), {}, T);
    m.publish(summary(null, null, null), {}, T + 60_000);
    expect(metrics.valuesOf("StreamNewestEventAge")).toEqual([300, 360]);
    expect(byKind(metrics, "StreamEvents", "underlyings")).toEqual([0, 0]);
  });

  it("a kind with nothing subscribed publishes no events and does not count as stale", () => {
    const metrics = new MemoryMetrics();
    const m = new StreamFreshnessMetrics(metrics, T - 300_000);
    m.publish(summary(T - 2_000, null, T, { underlyings: 4, options: 0 }), { underlyings: 50 }, T);
    expect(byKind(metrics, "StreamEvents", "options")).toEqual([]);
    expect(metrics.valuesOf("StreamNewestEventAge")).toEqual([2]);
  });
});

describe("events per kind from the book's per-symbol counters", () => {
  /** Applies `n` events to `symbol` as the decoder does (its counter and receive time). */
  const apply = (book: MarketBook, symbol: string, n: number) => {
    const st = book.stateFor(symbol);
    st.version += n;
    st.updatedAt = T;
  };

  it("counts each kind's events between readings; an unsubscribed then revived symbol counts from 0", () => {
    const book = new MarketBook();
    const counter = new KindEventCounter();
    const symbols = ["SPX", "XSP", ".SPXW261218P5800", ".SPXW261218P5750"];
    apply(book, "SPX", 10);
    apply(book, ".SPXW261218P5800", 7);
    expect(counter.take(book, symbols)).toEqual({ underlyings: 10, options: 7 });
    apply(book, "SPX", 5);
    apply(book, "XSP", 2);
    apply(book, ".SPXW261218P5750", 3);
    expect(counter.take(book, symbols)).toEqual({ underlyings: 7, options: 3 });
    expect(counter.take(book, symbols)).toEqual({ underlyings: 0, options: 0 });
    // Unsubscribed (cleared), then subscribed anew with 2 events: 2, not a negative count.
    book.delete(".SPXW261218P5800");
    book.revive(".SPXW261218P5800");
    apply(book, ".SPXW261218P5800", 2);
    expect(counter.take(book, symbols)).toEqual({ underlyings: 0, options: 2 });
    // Only subscribed kinds appear.
    expect(counter.take(book, ["SPX"])).toEqual({ underlyings: 0 });
  });
});
