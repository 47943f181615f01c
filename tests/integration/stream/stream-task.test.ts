import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "@stratdeck/sim";
import { DynamoSnapshotStore } from "@stratdeck/core/market-data";
import { MemoryPaperOrderStore } from "@stratdeck/core/ledger";
import { DynamoStatusStore, MemoryStatusStore, type StatusStore } from "@stratdeck/core/status";
import { createDocumentClient, defaultTableNames, ensureTables } from "@stratdeck/core/storage";
import {
  runStreamTask,
  streamTaskDeps,
  type StreamTaskOptions,
  type StreamTaskSummary,
} from "@stratdeck/core/stream";
import { parseStrategiesYaml } from "@stratdeck/core/strategies";
import { TastyRestClient } from "@stratdeck/core/tasty";
import { systemClock } from "@stratdeck/core/time";
import { engineTargets, freshTables } from "../../support/engines";
import { memoryLog } from "@stratdeck/core/log";
import { dynaliteProcess, waitFor } from "./helpers";

const OPTIONS: StreamTaskOptions = {
  feed: {
    keepaliveIntervalMs: 100,
    keepaliveTimeoutMs: 2_000,
    actionTimeoutMs: 2_000,
    aggregationPeriodSeconds: 0.05,
    backoff: { initialMs: 40, maxMs: 200, resetAfterMs: 300 },
  },
  writer: { windowMs: 100, heartbeatMs: 300, maxRetryDelayMs: 200 },
  plan: { bandFraction: 0.01, maxOptionSymbols: 20 },
  replanIntervalMs: 500,
  planRetryMs: 100,
  statusIntervalMs: 100,
  stopTimeoutMs: 3_000,
};

let sim: RunningSimulator;
beforeEach(async () => {
  sim = await startSimulator({ dropEarlyAuth: 1, publishIntervalMs: 25, seed: 5 });
});
afterEach(async () => {
  await sim.stop();
});

async function strategies() {
  const { readFile } = await import("node:fs/promises");
  return parseStrategiesYaml(await readFile(new URL("../../../strategies.yaml", import.meta.url), "utf8"));
}

/** Starts the stream task on the simulator with the given stores. */
async function startTask(stores: {
  endpoint: string;
  tables: ReturnType<typeof defaultTableNames>;
  status?: StatusStore;
}) {
  const log = memoryLog();
  const doc = createDocumentClient({ endpoint: stores.endpoint, maxAttempts: 1, requestTimeoutMs: 1_000 });
  const snapshots = new DynamoSnapshotStore(doc, stores.tables.snapshots, systemClock);
  const status = stores.status ?? new DynamoStatusStore(doc, stores.tables.status, systemClock);
  const rest = new TastyRestClient({
    tasty: { clientSecret: "s", refreshToken: "r", isTest: false, apiUrl: sim.restUrl },
    clock: systemClock,
    log,
  });
  const stop = new AbortController();
  const deps = streamTaskDeps({
    clock: systemClock,
    log,
    snapshots,
    status,
    orders: new MemoryPaperOrderStore(),
    rest,
    strategies: await strategies(),
  });
  const done = runStreamTask(deps, stop.signal, OPTIONS);
  const beat = async () => (await status.read<StreamTaskSummary>("stream"))?.data;
  return { log, snapshots, status, stop, done, beat, doc };
}

describe.each(engineTargets())("stream task on the simulator and $name", ({ endpoint, skipReason }) => {
  it.skipIf(!endpoint)(
    `resubscribes after a 1012 close and writes fresh snapshots ${skipReason}`,
    async () => {
      const { tables } = await freshTables(endpoint!);
      const t = await startTask({ endpoint: endpoint!, tables });
      try {
        await waitFor("options streamed", async () => ((await t.beat())?.plan?.strategySymbols ?? 0) > 0);
        await waitFor(
          "SPX snapshot",
          async () => (await t.snapshots.get("SPX", { maxAgeMs: 1_000 })) !== null,
        );
        const subs = sim.stats().subscriptions;
        const reconnects = (await t.beat())!.reconnects;
        const closedAt = Date.now();
        sim.faults.closeAll(1012, "SERVICE_RESTART");
        await waitFor("reconnected", async () => ((await t.beat())?.connects ?? 0) >= 2);
        await waitFor("everything resubscribed", () => sim.stats().subscriptions === subs);
        await waitFor("fresh SPX snapshot", async () => {
          const s = await t.snapshots.get("SPX", { maxAgeMs: 1_000 });
          return s !== null && s.writtenAt > closedAt && s.eventTime > closedAt;
        });
        const b = (await t.beat())!;
        expect(b).toMatchObject({
          state: "running",
          reconnects: reconnects + 1,
          lastDisconnect: { code: 1012 },
        });
        expect(b.symbolsSubscribed.count).toBeGreaterThan(4);
      } finally {
        t.stop.abort();
        await t.done;
      }
    },
  );
});

describe("stream task", () => {
  it("stops within its budget with a final flush and a 'stopped' heartbeat; stale reads then give null", async () => {
    const { tables } = await freshTables(engineTargets()[0]!.endpoint!);
    const t = await startTask({ endpoint: engineTargets()[0]!.endpoint!, tables });
    await waitFor("SPX snapshot", async () => (await t.snapshots.get("SPX", { maxAgeMs: 1_000 })) !== null);
    const t0 = Date.now();
    t.stop.abort();
    const summary = await t.done;
    expect(Date.now() - t0).toBeLessThan(2_000);
    expect(summary).toMatchObject({ state: "stopped", feedState: "stopped" });
    expect((await t.beat())!.state).toBe("stopped");
    await new Promise((r) => setTimeout(r, 400));
    expect(await t.snapshots.get("SPX", { maxAgeMs: 300 })).toBeNull();
    expect(await t.snapshots.get("SPX", { maxAgeMs: 60_000 })).not.toBeNull();
  });

  it("survives DynamoDB going away mid-stream and resumes writing when it is back", async () => {
    let engine = await dynaliteProcess();
    const port = Number(new URL(engine.endpoint).port);
    const tables = defaultTableNames("restart");
    await ensureTables({ endpoint: engine.endpoint }, tables);
    const status = new MemoryStatusStore(systemClock);
    const t = await startTask({ endpoint: engine.endpoint, tables, status });
    try {
      await waitFor("first snapshots", async () => (await t.beat())?.writer.writes !== 0);
      await engine.stop();
      const downAt = Date.now();
      await waitFor("failed flushes", async () => ((await t.beat())?.writer.failedFlushes ?? 0) >= 2);
      const during = (await t.beat())!;
      expect(during).toMatchObject({ state: "running", healthy: true });
      expect(during.writer.pending).toBeGreaterThan(0);
      engine = await dynaliteProcess(port);
      await ensureTables({ endpoint: engine.endpoint }, tables);
      await waitFor(
        "writes resumed",
        async () => {
          const s = await t.snapshots.get("SPX", { maxAgeMs: 1_000 }).catch(() => null);
          return s !== null && s.writtenAt > downAt;
        },
        8_000,
      );
      expect(t.log.events("stream.write-recovered").length).toBeGreaterThanOrEqual(1);
    } finally {
      t.stop.abort();
      await t.done;
      await engine.stop();
    }
  });
});
