import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import { startSimulator, type RunningSimulator } from "@stratdeck/core/sim";
import { compileStrategiesYaml } from "@stratdeck/core/strategies";
import { tempDirs } from "../../support/temp-dirs";
import { httpApiEvent, schedulerEvent } from "../../unit/functions/fixtures";

/**
 * The deployed handler modules, each with its own composition root, as Lambda runs them: env and
 * secrets from the environment, tables on a real engine (dynalite), tastytrade REST and DXLink from
 * the simulator over real sockets. A part missing from a function's root fails here, not on AWS.
 */
const TOKEN = "wired-test-token-0123456789";
const dirs = tempDirs("stratdeck-handlers-wired-");
let sim: RunningSimulator;

type Result = { statusCode?: number; body?: string };
type ApiHandler = (e: unknown) => Promise<Result>;
type JobHandler = (e: unknown) => Promise<{ status: string; result?: unknown }>;

const api = async (file: string) =>
  ((await import(`../../../packages/functions/src/api/${file}.ts`)) as { handler: ApiHandler }).handler;
const job = async (file: string) =>
  ((await import(`../../../packages/functions/src/jobs/${file}.ts`)) as { handler: JobHandler }).handler;
const auth = { authorization: `Bearer ${TOKEN}` };
const body = (r: Result) => JSON.parse(r.body ?? "null") as Record<string, unknown>;
/** A scheduler event for now, forced past the schedule gate (the test runs at any hour). */
const forced = (name: string) => {
  const e = schedulerEvent(new Date().toISOString(), name);
  return { ...e, detail: { job: name, force: true } };
};

const saved = { ...process.env };
beforeAll(async () => {
  sim = await startSimulator({ seed: 7 });
  const dir = dirs.fresh();
  const strategies = path.join(dir, "strategies.json");
  const yamlFile = path.resolve(__dirname, "../../../strategies.yaml");
  writeFileSync(strategies, compileStrategiesYaml(readFileSync(yamlFile, "utf8"), yamlFile));
  Object.assign(process.env, {
    AWS_REGION: "us-east-1",
    AWS_ENDPOINT_URL_DYNAMODB: inject("dynaliteEndpoint"),
    STRATDECK_TABLE_PREFIX: `w${randomUUID().slice(0, 8)}`,
    STRATDECK_DATA_MODE: "sim",
    STRATDECK_TRADING_MODE: "paper",
    TASTY_API_URL: sim.restUrl,
    STRATDECK_API_TOKEN: TOKEN,
    STRATDECK_STRATEGIES_FILE: strategies,
    STRATDECK_STATE_DIR: dir,
    STRATDECK_LOG_LEVEL: "ERROR",
  });
}, 60_000);

afterAll(async () => {
  for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
  Object.assign(process.env, saved);
  await sim?.stop();
  dirs.cleanup();
});

describe("deployed handlers on their own composition roots (dynalite + simulator)", () => {
  it("POST /ideas/rescan scans the simulator and stores the report GET /ideas then serves; a second is rate-limited", async () => {
    const rescan = await (
      await api("ideas-rescan")
    )(httpApiEvent("POST", "/ideas/rescan", { headers: auth }));
    expect(rescan.statusCode).toBe(200);
    const scanned = body(rescan) as { generatedAt: number; summary: unknown };
    expect(scanned.summary).toBeDefined();
    const ideas = await (await api("ideas"))(httpApiEvent("GET", "/ideas", { headers: auth }));
    expect(ideas.statusCode).toBe(200);
    expect(body(ideas)).toMatchObject({ generatedAt: scanned.generatedAt });
    const again = await (await api("ideas-rescan"))(httpApiEvent("POST", "/ideas/rescan", { headers: auth }));
    expect(again.statusCode).toBe(429);
  }, 60_000);

  it("jobs: ideas stores its report, exits/settle run over the ledger, reconcile says paper, health probes", async () => {
    const ideas = await (await job("ideas"))(forced("ideas"));
    expect(ideas).toMatchObject({ status: "ran", result: { entered: expect.any(Number) } });

    const exits = await (await job("exits"))(forced("exits"));
    expect(exits).toMatchObject({ status: "ran", result: { checked: expect.any(Number), alerts: [] } });

    const settle = await (await job("settle"))(forced("settle"));
    expect(settle).toMatchObject({ status: "ran", result: { settled: [], awaiting: [] } });

    const reconcile = await (await job("reconcile"))(forced("reconcile"));
    expect(reconcile).toMatchObject({
      status: "ran",
      result: { skipped: expect.stringMatching(/not in live/) },
    });

    const health = await (await job("health"))(forced("health"));
    expect(health.status).toBe("ran");
    const checks = health.result as { ok: boolean; problems: string[] };
    // The simulator answers REST and DXLink; outside a session the stream does not count.
    expect(checks.problems.filter((p) => !/stream/i.test(p))).toEqual([]);
  }, 60_000);

  it("API: positions, close, orders, history, alerts and health answer from their own roots; health reads the jobs' heartbeats", async () => {
    const positions = await (await api("positions"))(httpApiEvent("GET", "/positions", { headers: auth }));
    expect(positions.statusCode).toBe(200);
    expect(body(positions)).toHaveProperty("positions");

    const close = await (
      await api("close-position")
    )(httpApiEvent("POST", "/positions/pos_0123456789abcdef0123/close", { headers: auth }));
    expect(close.statusCode).toBe(404);

    for (const [file, route] of [
      ["orders", "/orders"],
      ["history", "/history"],
      ["alerts", "/alerts"],
    ] as const) {
      const r = await (await api(file))(httpApiEvent("GET", route, { headers: auth }));
      expect(r.statusCode, route).toBe(200);
    }

    const health = await (await api("health"))(httpApiEvent("GET", "/health", { headers: auth }));
    expect([200, 503]).toContain(health.statusCode);
    const jobs = (body(health) as { jobs?: Record<string, unknown> }).jobs ?? {};
    expect(Object.keys(jobs)).toEqual(
      expect.arrayContaining(["ideas", "exits", "settle", "health", "reconcile"]),
    );
  }, 60_000);
});
