import { randomUUID } from "node:crypto";
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateConfig } from "@stratdeck/core/config";
import { createLogger } from "@stratdeck/core/log";
import { runIdeasJob, runJob } from "@stratdeck/core/orchestrator";
import { startSimulator, type RunningSimulator } from "@stratdeck/sim";
import { defaultTableNames } from "@stratdeck/core/storage";
import { buildDeps, type Deps } from "@stratdeck/core/wiring";
import { engineTargets } from "../support/engines";

/** Builds deps for a trading mode against the simulator and a fresh table set on dynalite. */
async function depsFor(sim: RunningSimulator, env: Record<string, string>, lines: string[]): Promise<Deps> {
  const r = validateConfig(env);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return buildDeps(
    {
      ...r.config,
      dynamoEndpoint: engineTargets()[0]!.endpoint!,
      tables: defaultTableNames(`trip${randomUUID().slice(0, 6)}`),
      tasty: { clientSecret: "sim", refreshToken: "sim", isTest: false, apiUrl: sim.restUrl },
    },
    { log: createLogger({ service: "tripwire-test", sink: (l) => lines.push(l) }) },
  );
}

/** `npx stratdeck …` in live trading mode with `STRATDECK_LIVE_ARMED=armed`, against the simulator. */
function unarmedCli(sim: RunningSimulator, args: string[], armed: string) {
  return spawnSync("npx", ["stratdeck", ...args], {
    env: {
      ...process.env,
      STRATDECK_TRADING_MODE: "live",
      STRATDECK_LIVE_ARMED: armed,
      TASTY_API_URL: sim.restUrl,
      STRATDECK_STATE_DIR: `/tmp/stratdeck-trip-${randomUUID()}`,
    },
    encoding: "utf8",
    timeout: 90_000,
  });
}

/** Live, armed, scheduled runs confirmed; short cancel and poll times, three walk steps. */
const ARMED_SCHEDULED = {
  STRATDECK_TRADING_MODE: "live",
  STRATDECK_LIVE_ARMED: "YES",
  STRATDECK_LIVE_SCHEDULED: "YES",
  STRATDECK_LIVE_CANCEL_AFTER_S: "1",
  STRATDECK_LIVE_POLL_MS: "100",
  STRATDECK_LIVE_WALK_STEPS: "3",
};

const run = { job: "ideas" as const, slot: "2026-12-02T10:00", at: Date.parse("2026-12-02T15:00:00Z") };

describe("live-trading tripwires", () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    // The simulator runs on the wall clock while the jobs' slots are in market hours: its broker
    // works orders at any hour (as under the local stack) so a run on a weekend still fills.
    sim = await startSimulator({ seed: 2, marketHours: "always-open" });
  });
  afterAll(async () => {
    await sim.stop();
  });

  it("paper is the default: the scheduled cycle writes paper orders", async () => {
    const lines: string[] = [];
    const deps = await depsFor(sim, {}, lines);
    try {
      const r = await runIdeasJob(deps, run);
      expect(r.entry.decision).toEqual({ mode: "paper" });
      expect(r.entry.entered).toBeGreaterThan(0);
      const orders = await deps.orders.listRecentOrders(10);
      expect(orders.every((o) => o.mode === "paper")).toBe(true);
    } finally {
      await deps.close();
    }
  }, 60_000);

  it("live without STRATDECK_LIVE_ARMED=YES refuses every order with a clear, logged error and writes nothing", async () => {
    const lines: string[] = [];
    const deps = await depsFor(
      sim,
      { STRATDECK_TRADING_MODE: "live", STRATDECK_LIVE_ARMED: "yes please" },
      lines,
    );
    try {
      const before = sim.stats().requests;
      const r = await runIdeasJob(deps, run);
      expect(r.entry.decision.mode).toBe("refused");
      expect(r.entry.entered).toBe(0);
      expect(await deps.orders.listRecentOrders(10)).toEqual([]);
      const refused = lines
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .find((l) => l.message === "guard.refused");
      expect(refused?.level).toBe("ERROR");
      expect(String(refused?.reason)).toMatch(/STRATDECK_LIVE_ARMED is not YES/);
      expect(sim.stats().requests).toBeGreaterThan(before); // it still scanned (read-only)
    } finally {
      await deps.close();
    }
  }, 60_000);

  it("armed but unconfirmed: orders go to tastytrade's dry-run endpoint, nothing is written to the log of positions", async () => {
    const lines: string[] = [];
    const deps = await depsFor(sim, { STRATDECK_TRADING_MODE: "live", STRATDECK_LIVE_ARMED: "YES" }, lines);
    try {
      const r = await runIdeasJob(deps, run);
      expect(r.entry.decision).toEqual({ mode: "live-dry-run" });
      const dry = r.entry.outcomes.filter((o) => o.status === "dry-run");
      expect(dry.length).toBeGreaterThan(0);
      expect(dry[0]!.broker).toBeDefined();
      expect(r.entry.outcomes.some((o) => o.status === "placed")).toBe(false);
      expect(await deps.orders.listOpenPositions()).toEqual([]);
    } finally {
      await deps.close();
    }
  }, 60_000);

  it("armed but unconfirmed places nothing at the broker", async () => {
    const lines: string[] = [];
    const deps = await depsFor(sim, { STRATDECK_TRADING_MODE: "live", STRATDECK_LIVE_ARMED: "YES" }, lines);
    try {
      const before = sim.broker.placedCount();
      const r = await runIdeasJob(deps, { ...run, slot: "2026-12-02T10:30" });
      expect(r.entry.decision).toEqual({ mode: "live-dry-run" });
      expect(sim.broker.placedCount()).toBe(before);
    } finally {
      await deps.close();
    }
  }, 60_000);

  it("STRATDECK_LIVE_SCHEDULED=YES without the arming refuses; with it, a scheduled run is dry-run, placed and recorded live, matching the broker", async () => {
    const unarmed = await depsFor(
      sim,
      { STRATDECK_TRADING_MODE: "live", STRATDECK_LIVE_SCHEDULED: "YES" },
      [],
    );
    try {
      const before = sim.broker.placedCount();
      const r = await runIdeasJob(unarmed, { ...run, slot: "2026-12-02T11:00" });
      expect(r.entry.decision.mode).toBe("refused");
      expect(sim.broker.placedCount()).toBe(before);
    } finally {
      await unarmed.close();
    }
    const lines: string[] = [];
    const deps = await depsFor(sim, ARMED_SCHEDULED, lines);
    try {
      const before = sim.broker.placedCount();
      const r = await runIdeasJob(deps, { ...run, slot: "2026-12-02T11:30" });
      expect(r.entry.decision).toEqual({ mode: "live-confirmed" });
      expect(sim.broker.placedCount()).toBeGreaterThan(before);
      const events = lines.map((l) => (JSON.parse(l) as { message: string }).message);
      expect(events.indexOf("live.order.placed")).toBeGreaterThan(-1);
      const orders = await deps.orders.listRecentOrders(10);
      expect(r.entry.outcomes.filter((o) => o.status === "placed")).toHaveLength(orders.length);
      expect(orders.length).toBeGreaterThan(0);
      expect(orders.every((o) => o.mode === "live" && (o.brokerOrderIds ?? []).length > 0)).toBe(true);
      // What the log holds live is exactly what the broker holds.
      const reconciled = await runJob(deps, { job: "reconcile", slot: run.slot, at: run.at });
      expect(reconciled).toMatchObject({ drift: [] });
    } finally {
      await deps.close();
    }
  }, 90_000);

  it("two deliveries of one scheduled live slot at once place each order once, keep its reservations and the live position cap", async () => {
    // Its own simulator: the broker account must hold only this test's orders for the reconcile.
    const own = await startSimulator({ seed: 2, marketHours: "always-open" });
    const deps = await depsFor(own, ARMED_SCHEDULED, []);
    try {
      const slot = { ...run, slot: "2026-12-02T12:00" };
      const [a, b] = await Promise.all([runIdeasJob(deps, slot), runIdeasJob(deps, slot)]);
      const placed = [...a.entry.outcomes, ...b.entry.outcomes].filter((o) => o.status === "placed");
      expect(placed.length).toBeGreaterThan(0);
      const duplicates = [...a.entry.outcomes, ...b.entry.outcomes].filter((o) => o.status === "duplicate");
      expect(duplicates).toHaveLength(placed.length);
      // The broker holds exactly what the log holds (a second placement would show as drift).
      const reconciled = await runJob(deps, { job: "reconcile", slot: slot.slot, at: slot.at });
      expect(reconciled).toMatchObject({ drift: [] });
      const open = await deps.orders.listOpenPositions();
      expect(open.map((p) => p.positionId).sort()).toEqual(placed.map((o) => o.positionId).sort());
      // The live position cap (STRATDECK_LIVE_MAX_POSITIONS, default 1) holds across both runs.
      expect(open.length).toBe(1);
      // The duplicate run released nothing the placing run holds: each position's risk still counts.
      const book = await deps.orders.claims.readBook();
      for (const p of open)
        expect(book?.entries[p.positionId]).toMatchObject({ counted: true, riskCents: p.reservedRiskCents });
    } finally {
      await deps.close();
      await own.stop();
    }
  }, 90_000);

  it("the CLI refuses --confirm-live unarmed with exit code 3 and a guard.refused log line", () => {
    const r = unarmedCli(sim, ["enter-auto", "--confirm-live", "--json"], "NO");
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('"guard.refused"');
    expect(r.stderr).not.toContain('"live.order.placed"');
  }, 100_000);

  it("the CLI refuses live mode unarmed with exit code 3 and a guard.refused log line", () => {
    const r = unarmedCli(sim, ["enter-auto", "--json"], "");
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('"guard.refused"');
    expect(() => JSON.parse(r.stdout) as unknown).not.toThrow();
  }, 100_000);
});
