import { describe, expect, it, vi } from "vitest";
import { MemoryAlertStore, MemoryNotifier } from "@stratdeck/core/alerts";
import { silentLog } from "@stratdeck/core/log";
import { MemoryMetrics } from "@stratdeck/core/metrics";
import { runJob, type JobDeps } from "@stratdeck/core/orchestrator";
import { FakeClock } from "@stratdeck/core/time";
import { scheduledJob } from "../../../packages/functions/src/jobs/scheduled-job";
import { memoryApiDeps } from "../api/api-fixtures";
import { FakeMarket, LONG, seed, SHORT, T0 } from "../ledger/fake-market";
import { scheduledEvent, schedulerEvent } from "./fixtures";

/** Memory deps for every job, alerts recorded by a MemoryNotifier. */
function memoryJobDeps(
  overrides: Parameters<typeof memoryApiDeps>[0] = {},
): JobDeps & { notifier: MemoryNotifier } {
  const api = memoryApiDeps(overrides);
  return { ...api, alerts: new MemoryAlertStore(api.clock), notifier: new MemoryNotifier() };
}

/** A job handler (the shared runJob) over memory deps that records whether the deps were built. */
function jobWith(job: "ideas" | "exits" | "health", deps: JobDeps) {
  const built = { count: 0 };
  const handler = scheduledJob(job, runJob, {
    deps: async () => {
      built.count += 1;
      return deps;
    },
    log: silentLog,
    clock: new FakeClock(T0),
  });
  return { handler, built };
}

describe("scheduled job handlers", () => {
  it("ideas: runs on its grid in a session, keyed by the scheduled time's New York slot", async () => {
    const { handler, built } = jobWith("ideas", memoryJobDeps());
    const r = await handler(schedulerEvent("2026-11-25T15:30:00Z", "ideas"));
    expect(r).toMatchObject({
      job: "ideas",
      slot: "2026-11-25T10:30",
      status: "ran",
      result: { entered: 0 },
    });
    expect(built.count).toBe(1);
  });

  it("skips off the grid and outside sessions (holiday, early close, weekend) without building deps", async () => {
    const { handler, built } = jobWith("ideas", memoryJobDeps());
    expect(await handler(scheduledEvent("2026-11-25T15:05:00Z"))).toMatchObject({
      status: "skipped",
      reason: "off-schedule",
    });
    // Thanksgiving 2026-11-26 10:00 New York: the cron fires, the market is closed.
    expect(await handler(scheduledEvent("2026-11-26T15:00:00Z"))).toMatchObject({
      status: "skipped",
      reason: "market-closed",
    });
    // Friday 2026-11-27 closes at 13:00: 14:00 is past the early close.
    expect(await handler(scheduledEvent("2026-11-27T19:00:00Z"))).toMatchObject({
      status: "skipped",
      reason: "market-closed",
    });
    expect(await handler(scheduledEvent("2026-11-28T15:00:00Z"))).toMatchObject({
      status: "skipped",
      reason: "off-schedule",
    });
    expect(built.count).toBe(0);
  });

  it("uses New York time across DST: 09:35 EDT is 13:35Z in July, 14:35Z in November", async () => {
    const { handler } = jobWith("exits", memoryJobDeps());
    expect(await handler(scheduledEvent("2026-07-01T13:35:00Z"))).toMatchObject({
      status: "ran",
      slot: "2026-07-01T09:35",
    });
    expect(await handler(scheduledEvent("2026-07-01T13:30:00Z"))).toMatchObject({
      status: "skipped",
      reason: "off-schedule",
    });
    expect(await handler(scheduledEvent("2026-11-25T14:35:00Z"))).toMatchObject({
      status: "ran",
      slot: "2026-11-25T09:35",
    });
  });

  it("exits: settles, checks exit rules and alerts once per position and rule", async () => {
    const clock = new FakeClock(T0);
    const provider = new FakeMarket(clock).spot("SPX", 6050).quote(SHORT, 0.6, 0.7).quote(LONG, 0.35, 0.45);
    const deps = memoryJobDeps({ clock, provider });
    const { notifier } = deps;
    const id = await seed(deps.orders, 1.45);
    const { handler } = jobWith("exits", deps);
    const first = await handler(scheduledEvent("2026-11-25T15:00:00Z"));
    expect(first).toMatchObject({
      status: "ran",
      result: { checked: 1, alerts: [{ positionId: id, alert: "sent" }] },
    });
    await handler(scheduledEvent("2026-11-25T15:05:00Z"));
    expect(notifier.sent).toHaveLength(1);
    expect(notifier.sent[0]?.subject).toMatch(/^StratDeck exit: /);
  });

  it("health: runs before the open on a trading day and reports problems", async () => {
    const { handler } = jobWith("health", memoryJobDeps());
    const r = await handler(scheduledEvent("2026-11-25T14:00:00Z")); // 09:00 New York
    expect(r).toMatchObject({ status: "ran", result: { ok: false } });
  });

  it("every job skips a holiday (Thanksgiving, Christmas) and the tail after an early close", async () => {
    for (const job of ["ideas", "exits", "health"] as const) {
      const { handler } = jobWith(job, memoryJobDeps());
      for (const t of ["2026-11-26T15:00:00Z", "2026-12-25T15:00:00Z"])
        expect(await handler(scheduledEvent(t)), `${job} ${t}`).toMatchObject({
          status: "skipped",
          reason: "market-closed",
        });
    }
    // 2026-11-27 closes at 13:00: exits run until index options close at 13:15 (last 13:10), health
    // until 13:15 (as at 16:15).
    const exits = jobWith("exits", memoryJobDeps()).handler;
    expect(await exits(scheduledEvent("2026-11-27T18:10:00Z"))).toMatchObject({ status: "ran" });
    expect(await exits(scheduledEvent("2026-11-27T18:15:00Z"))).toMatchObject({ status: "skipped" });
    const health = jobWith("health", memoryJobDeps()).handler;
    expect(await health(scheduledEvent("2026-11-27T18:00:00Z"))).toMatchObject({ status: "ran" });
    expect(await health(scheduledEvent("2026-11-27T18:15:00Z"))).toMatchObject({ status: "skipped" });
    expect(await health(scheduledEvent("2026-11-30T21:00:00Z"))).toMatchObject({ status: "ran" }); // 16:00
  });

  it("force runs a manual invocation outside the session", async () => {
    const { handler } = jobWith("ideas", memoryJobDeps());
    expect(await handler({ detail: { force: true } })).toMatchObject({ status: "ran" });
  });

  it("rejects a malformed event naming the field, and an event for another job", async () => {
    const { handler } = jobWith("ideas", memoryJobDeps());
    await expect(handler({ time: "yesterday" })).rejects.toThrow(
      /event\.time: must be an ISO 8601 date-time/,
    );
    await expect(handler(schedulerEvent("2026-11-25T15:30:00Z", "exits"))).rejects.toThrow(/for job "exits"/);
  });

  it("the exported ideas handler skips a holiday before building any AWS deps", async () => {
    vi.stubEnv("STRATDECK_LOG_LEVEL", "WARN");
    const { handler: ideasHandler } = await import("../../../packages/functions/src/jobs/ideas");
    vi.unstubAllEnvs();
    expect(await ideasHandler(schedulerEvent("2026-11-26T15:00:00Z", "ideas"))).toMatchObject({
      status: "skipped",
      reason: "market-closed",
    });
  });
});

describe("the job heartbeat (the dead-man alarm's metric)", () => {
  it("beats on every scheduled invocation, run or skip, dimensioned by the job", async () => {
    const metrics = new MemoryMetrics();
    const handler = scheduledJob("exits", runJob, {
      deps: async () => memoryJobDeps(),
      log: silentLog,
      clock: new FakeClock(T0),
      metrics,
    });
    await handler(scheduledEvent("2026-11-26T15:00:00Z")); // Thanksgiving: skipped
    await handler(scheduledEvent("2026-11-27T18:10:00Z")); // early close, last exits check: runs
    expect(metrics.published.map((p) => [p.values, p.dimensions])).toEqual([
      [[{ name: "JobHeartbeat", value: 1, unit: "Count" }], { Job: "exits" }],
      [[{ name: "JobHeartbeat", value: 1, unit: "Count" }], { Job: "exits" }],
    ]);
    await expect(handler({ time: "yesterday" })).rejects.toThrow();
    expect(metrics.published).toHaveLength(2); // a malformed event is not a scheduled invocation
  });
});
