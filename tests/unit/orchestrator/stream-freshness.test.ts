import { describe, expect, it, vi } from "vitest";
import { handleApiRequest } from "@stratdeck/core/api";
import { validateConfig } from "@stratdeck/core/config";
import { runTastyHealth } from "@stratdeck/core/health";
import { memoryLog } from "@stratdeck/core/log";
import { snapshotMaxAgeMs } from "@stratdeck/core/market-data";
import { MemoryMetrics } from "@stratdeck/core/metrics";
import { PowertoolsMetricsPort } from "@stratdeck/core/metrics/powertools-metrics";
import { runHealthJob } from "@stratdeck/core/orchestrator";
import { MemoryStatusStore } from "@stratdeck/core/status";
import { EventRate, staleKinds } from "@stratdeck/core/stream";
import { FakeClock } from "@stratdeck/core/time";
import { memoryApiDeps, request } from "../api/api-fixtures";

const AT = "2026-11-25T15:00:00Z"; // Wednesday 10:00 New York, in session
const config = (() => {
  const r = validateConfig({ STRATDECK_STREAM_STALE_MS: "30000" });
  if (!r.ok) throw new Error("config");
  return r.config;
})();

/** A stream heartbeat whose last events are `ageMs` old, written now. */
async function beat(status: MemoryStatusStore, clock: FakeClock, ageMs: number, feedState = "streaming") {
  const last = clock.now() - ageMs;
  await status.beat("stream", {
    state: "running",
    feedState,
    freshness: {
      underlyingsLastEventAt: last,
      optionsLastEventAt: last,
      underlyings: 4,
      options: 46,
      eventsPerMinute: 0,
    },
  });
}

describe("stream freshness", () => {
  it("flags each subscribed kind with no event within the stale time; unsubscribed kinds never", () => {
    const f = { underlyingsLastEventAt: 1_000, optionsLastEventAt: 50_000, underlyings: 4, options: 2 };
    expect(staleKinds(f, 60_000, 30_000)).toEqual(["underlyings"]);
    expect(staleKinds(f, 90_000, 30_000)).toEqual(["underlyings", "options"]);
    expect(staleKinds({ ...f, options: 0, optionsLastEventAt: null }, 20_000, 30_000)).toEqual([]);
    expect(staleKinds({ ...f, optionsLastEventAt: null }, 20_000, 30_000)).toEqual(["options"]);
  });

  it("derives every reader's snapshot max age from the writer's window and heartbeat", () => {
    expect(snapshotMaxAgeMs({ streamWindowMs: 10_000, streamHeartbeatMs: 10_000 })).toBe(30_000);
    expect(snapshotMaxAgeMs({ streamWindowMs: 1_000, streamHeartbeatMs: 5_000 })).toBe(16_000);
  });

  it("measures events per minute over the trailing minute from heartbeat samples", () => {
    const rate = new EventRate();
    expect(rate.sample(0, 0)).toBeNull();
    expect(rate.sample(30_000, 300)).toBe(600);
    expect(rate.sample(60_000, 600)).toBe(600);
    expect(rate.sample(120_000, 600)).toBe(0);
  });

  it("health: a fresh heartbeat with no event for longer than the stale time is stalled, in session", async () => {
    const clock = new FakeClock(AT);
    const status = new MemoryStatusStore(clock);
    await beat(status, clock, 31_000);
    const r = await runTastyHealth({ clock, log: memoryLog(), config, status }, { requireStream: true });
    expect(r.checks.stream).toMatchObject({
      ok: false,
      state: "stalled",
      staleKinds: ["underlyings", "options"],
      staleAfterMs: 30_000,
    });
    expect(r.problems).toContain("stream: stalled: no underlyings or options event for over 30000 ms");
    await beat(status, clock, 29_000, "backoff");
    const r2 = await runTastyHealth({ clock, log: memoryLog(), config, status }, { requireStream: true });
    expect(r2.checks.stream.state).toBe("fresh");
    await beat(status, clock, 40_000, "backoff");
    const r3 = await runTastyHealth({ clock, log: memoryLog(), config, status }, { requireStream: true });
    expect(r3.checks.stream.state).toBe("disconnected");
  });

  it("health job: publishes DataStale / StreamDown in session only, as metrics", async () => {
    const clock = new FakeClock(AT);
    const status = new MemoryStatusStore(clock);
    const metrics = new MemoryMetrics();
    const run = () =>
      runHealthJob(
        { clock, log: memoryLog(), config, status, metrics },
        { job: "health", slot: "s", at: clock.now() },
      );
    await run(); // no heartbeat at all: the task is not running
    await beat(status, clock, 60_000);
    await run(); // running but stalled
    await beat(status, clock, 1_000);
    await run(); // fresh
    expect(metrics.valuesOf("StreamDown")).toEqual([1, 0, 0]);
    expect(metrics.valuesOf("DataStale")).toEqual([0, 1, 0]);
    clock.set(Date.parse("2026-11-25T22:00:00Z")); // 17:00, after the close
    await beat(status, clock, 3_600_000);
    await run();
    expect(metrics.valuesOf("DataStale").at(-1)).toBe(0);
  });

  it("Powertools Metrics writes one EMF line per publish: service + Stage (+ the publish's) dimensions", () => {
    const lines: string[] = [];
    const write = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    const at = Date.now() - 60_000;
    try {
      const port = new PowertoolsMetricsPort("prod");
      port.publish([{ name: "JobHeartbeat", value: 1, unit: "Count" }], at, { Job: "exits" });
      port.publish([], at);
    } finally {
      write.mockRestore();
    }
    const emf = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => "_aws" in l);
    expect(emf).toHaveLength(1);
    expect(emf[0]).toEqual({
      _aws: {
        Timestamp: at,
        CloudWatchMetrics: [
          {
            Namespace: "StratDeck",
            Dimensions: [["service", "Stage", "Job"]],
            Metrics: [{ Name: "JobHeartbeat", Unit: "Count" }],
          },
        ],
      },
      service: "stratdeck",
      Stage: "prod",
      Job: "exits",
      JobHeartbeat: 1,
    });
  });

  it("GET /health (status store only) is 503 when the stream's events stopped in a session", async () => {
    const deps = memoryApiDeps();
    const status = deps.status as MemoryStatusStore;
    await beat(status, deps.clock as FakeClock, 61_000);
    const r = await handleApiRequest(deps, request("GET", "/health"));
    expect(r.status).toBe(503);
    expect((r.body as { problems: string[] }).problems).toContain(
      "stream stalled: no underlyings or options event for over 60000 ms",
    );
    await beat(status, deps.clock as FakeClock, 1_000);
    const fresh = await handleApiRequest(deps, request("GET", "/health"));
    expect((fresh.body as { stream: { ok: boolean } }).stream.ok).toBe(true);
  });
});
