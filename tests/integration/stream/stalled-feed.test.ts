import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DynamoAlertStore, MemoryNotifier } from "@stratdeck/core/alerts";
import { loadConfig } from "@stratdeck/core/config";
import { probeDxLink } from "@stratdeck/core/dxlink";
import { memoryLog } from "@stratdeck/core/log";
import { DynamoSnapshotStore } from "@stratdeck/core/market-data";
import { MemoryMetrics } from "@stratdeck/core/metrics";
import { runHealthJob } from "@stratdeck/core/orchestrator";
import { MemoryPaperOrderStore } from "@stratdeck/core/ledger";
import { startSimulator, type RunningSimulator } from "@stratdeck/sim";
import { DynamoStatusStore } from "@stratdeck/core/status";
import { runStreamTask, streamTaskDeps, type StreamTaskSummary } from "@stratdeck/core/stream";
import { parseStrategiesYaml } from "@stratdeck/core/strategies";
import { TastyRestClient } from "@stratdeck/core/tasty";
import { scaledClock, systemClock } from "@stratdeck/core/time";
import { engineTargets, freshTables } from "../../support/engines";
import { waitFor } from "./helpers";

/** Tuesday 2026-12-01 10:00 New York (a session), running at real speed from there. */
const clock = scaledClock(systemClock, 1, Date.parse("2026-12-01T15:00:00Z"));
/** The configured stale time: a connected feed with no event for longer is unhealthy. */
const STALE_MS = 1_500;

// The stream task streams from `sim`, whose events stop; the health job's own REST and DXLink
// probes go to `probes`, which stays healthy, so the verdict below comes from the stream's freshness.
let sim: RunningSimulator;
let probes: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ dropEarlyAuth: 1, publishIntervalMs: 25, seed: 7, clock });
  probes = await startSimulator({ dropEarlyAuth: 1, publishIntervalMs: 25, seed: 8, clock });
});
afterAll(async () => {
  await sim.stop();
  await probes.stop();
});

describe("a stalled feed: socket open, no events (stream task + simulator + dynalite)", () => {
  it("health turns unhealthy within the stale time, alerts once, and recovers when events resume", async () => {
    const { doc, tables } = await freshTables(engineTargets()[0]!.endpoint!);
    const { config } = loadConfig({
      STRATDECK_DATA_MODE: "sim",
      TASTY_CLIENT_SECRET: "sim-secret",
      TASTY_REFRESH_TOKEN: "sim-refresh",
      TASTY_API_URL: probes.restUrl,
      STRATDECK_STREAM_STALE_MS: String(STALE_MS),
    });
    const log = memoryLog();
    const status = new DynamoStatusStore(doc, tables.status, clock);
    const rest = (apiUrl: string) => new TastyRestClient({ tasty: { ...config.tasty!, apiUrl }, clock, log });
    const { readFile } = await import("node:fs/promises");
    const strategies = parseStrategiesYaml(
      await readFile(new URL("../../../strategies.yaml", import.meta.url), "utf8"),
    );
    const stop = new AbortController();
    // The task's own freshness metrics (every 300 ms here, every minute in AWS).
    const own = new MemoryMetrics();
    const task = runStreamTask(
      {
        ...streamTaskDeps({
          clock,
          log,
          snapshots: new DynamoSnapshotStore(doc, tables.snapshots, clock),
          status,
          orders: new MemoryPaperOrderStore(),
          rest: rest(sim.restUrl),
          strategies,
        }),
        metrics: own,
      },
      stop.signal,
      {
        feed: { keepaliveIntervalMs: 200, keepaliveTimeoutMs: 2_000, aggregationPeriodSeconds: 0.05 },
        writer: { windowMs: 200, heartbeatMs: 400 },
        plan: { bandFraction: 0.01, maxOptionSymbols: 10 },
        replanIntervalMs: 60_000,
        planRetryMs: 100,
        statusIntervalMs: 100,
        metricsIntervalMs: 300,
      },
    );
    const notifier = new MemoryNotifier();
    const metrics = new MemoryMetrics();
    const healthDeps = {
      clock,
      log,
      config,
      rest: rest(probes.restUrl),
      status,
      probe: (o: Parameters<typeof probeDxLink>[0]) => probeDxLink({ ...o, timeoutMs: 1_000 }),
      alerts: new DynamoAlertStore(doc, tables.alerts, clock),
      notifier,
      metrics,
    };
    const health = () =>
      runHealthJob(healthDeps, { job: "health", slot: "2026-12-01T10:00", at: clock.now() });
    /** `StreamEvents` of one kind the task published, from its `from`-th publish to its `to`-th. */
    const ownEvents = (kind: string, from = 0, to?: number) =>
      own.published
        .slice(from, to)
        .filter((p) => p.dimensions.Kind === kind)
        .flatMap((p) => p.values.map((v) => v.value));
    const beat = async () => (await status.read<StreamTaskSummary>("stream"))?.data;
    try {
      // Warm: both kinds subscribed and streaming.
      await waitFor(
        "underlyings and options streaming",
        async () => {
          const f = (await beat())?.freshness;
          return !!f && f.options > 0 && f.optionsLastEventAt !== null && f.underlyingsLastEventAt !== null;
        },
        15_000,
      );
      expect(await health()).toMatchObject({ ok: true, alert: "none" });
      await waitFor("events counted per kind", async () => ownEvents("options").some((n) => n > 0), 5_000);
      expect(ownEvents("underlyings").some((n) => n > 0)).toBe(true);

      sim.faults.stopEvents(true);
      const publishedBeforeStall = own.published.length;
      const stalledAt = clock.now();
      let report = await health();
      while (report.ok) {
        if (clock.now() - stalledAt > STALE_MS + 5_000)
          throw new Error("still healthy long after the stale time");
        await new Promise((r) => setTimeout(r, 100));
        report = await health();
      }
      const detectedMs = clock.now() - stalledAt;
      const stalled = (await beat())!.freshness;
      const lastEvent = Math.max(stalled.underlyingsLastEventAt!, stalled.optionsLastEventAt!);
      // No event after the stop (a frame already in flight at most), and flagged only once the
      // newest event was older than the stale time: within it plus a heartbeat and a probe.
      expect(lastEvent).toBeLessThan(stalledAt + 100);
      const oldestKind = Math.min(stalled.underlyingsLastEventAt!, stalled.optionsLastEventAt!);
      expect(clock.now() - oldestKind).toBeGreaterThan(STALE_MS);
      expect(detectedMs).toBeLessThan(STALE_MS + 3_000);
      expect(report.problems.join("\n")).toMatch(
        /stream: stalled: no (underlyings or options|underlyings|options) event for over 1500 ms/,
      );
      expect((await beat())?.feedState).toBe("streaming"); // the socket stayed up
      expect(report.alert).toBe("sent");
      const again = await health();
      expect(again).toMatchObject({ ok: false, alert: "duplicate" });
      expect(notifier.sent).toHaveLength(1);
      expect(notifier.sent[0]!.subject).toBe("StratDeck: data path unhealthy");
      expect(metrics.valuesOf("DataStale").at(-1)).toBe(1);
      // The task's own metrics: the stalest kind's age grows past the stale time (what the
      // staleness alarm reads) without waiting for a health job, and the events per kind fall from
      // a stream's rate to at most one snapshot per subscribed symbol (a replan's new
      // subscriptions still get theirs from a stopped feed).
      await waitFor(
        "own age past the stale time",
        async () => (own.valuesOf("StreamNewestEventAge").at(-1) ?? 0) >= 3,
        5_000,
      );
      const kinds = (await beat())!.freshness;
      const subscribed = kinds.underlyings + kinds.options;
      expect(Math.max(...ownEvents("options", 0, publishedBeforeStall))).toBeGreaterThan(subscribed);
      // Two publishes (600 ms) after the stop, past any frame in flight.
      const afterStall = publishedBeforeStall + 2 * 3;
      const stalledCounts = [...ownEvents("underlyings", afterStall), ...ownEvents("options", afterStall)];
      expect(stalledCounts.length).toBeGreaterThan(0);
      for (const n of stalledCounts) expect(n).toBeLessThanOrEqual(subscribed);

      sim.faults.stopEvents(false);
      await waitFor("healthy again", async () => (await health()).ok, 10_000);
      expect(notifier.sent).toHaveLength(1);
      expect(metrics.valuesOf("DataStale").at(-1)).toBe(0);
      expect(metrics.valuesOf("StreamDown").every((v) => v === 0)).toBe(true);
      const f = (await beat())!.freshness;
      expect(clock.now() - f.optionsLastEventAt!).toBeLessThan(STALE_MS);
    } finally {
      stop.abort();
      await task;
    }
  }, 60_000);
});
