import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateConfig } from "@stratdeck/core/config";
import { probeDxLink } from "@stratdeck/core/dxlink";
import {
  runTastyHealth,
  type TastyHealthDeps,
  type TastyHealthOptions,
  type TastyHealthReport,
} from "@stratdeck/core/health";
import { DynamoStatusStore, MemoryStatusStore } from "@stratdeck/core/status";
import { loadConfig } from "@stratdeck/core/config";
import { connectStorage } from "@stratdeck/core/wiring";
import { startDynalite } from "../../../packages/cli/src/local/engines";
import { silentLog } from "@stratdeck/core/log";
import { startSimulator, type RunningSimulator } from "@stratdeck/sim";
import { TastyRestClient } from "@stratdeck/core/tasty";
import { FakeClock, systemClock } from "@stratdeck/core/time";

const run = promisify(execFile);

/** A status store with no heartbeat in it: no stream ever ran. */
const empty = () => new MemoryStatusStore(systemClock);
const CLI = "packages/cli/bin/stratdeck.mjs";

/** Runs `stratdeck tasty-health --json` in a child process with only the given env. */
/** Runs `stratdeck tasty-health ...args` in a child process with only the given env and an empty state folder. */
async function cliRun(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: string }> {
  const base = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "",
    STRATDECK_LOG_LEVEL: "ERROR",
    STRATDECK_STATE_DIR: mkdtempSync(join(tmpdir(), "stratdeck-tasty-health-")),
  };
  try {
    const { stdout } = await run(process.execPath, [CLI, "tasty-health", "--timeout-ms", "5000", ...args], {
      env: { ...base, ...env },
      timeout: 30_000,
    });
    return { code: 0, stdout };
  } catch (err) {
    const e = err as { code?: number; stdout?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? "" };
  }
}

/** Runs `stratdeck tasty-health --json` and parses its document. */
async function cli(env: Record<string, string>): Promise<{ code: number; report: TastyHealthReport }> {
  const { code, stdout } = await cliRun(["--json"], env);
  return { code, report: JSON.parse(stdout || "null") as TastyHealthReport };
}

describe("tasty-health against the simulator", () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ dropEarlyAuth: 1, seed: 3, publishIntervalMs: 50 });
  });
  afterAll(async () => {
    await sim?.stop();
  });

  /** The check against the simulator, an empty status store (no stream ever ran) unless given. */
  const health = async (options: TastyHealthOptions = {}, status: TastyHealthDeps["status"] = empty()) => {
    const config = validateConfig({
      TASTY_CLIENT_SECRET: "sim-secret",
      TASTY_REFRESH_TOKEN: "sim-refresh",
      TASTY_API_URL: sim.restUrl,
    });
    if (!config.ok) throw new Error("config");
    const rest = new TastyRestClient({
      tasty: config.config.tasty!,
      clock: systemClock,
      log: silentLog,
      timeoutMs: 3_000,
    });
    return runTastyHealth(
      { clock: systemClock, log: silentLog, config: config.config, rest, status, probe: probeDxLink },
      { probeTimeoutMs: 5_000, ...options },
    );
  };

  it("confirms the NYSE calendar with the equity holidays tastytrade lists, and names a disagreement", async () => {
    const r = await health();
    expect(r.checks.calendar).toMatchObject({ ok: true, disagreements: [] });
    expect(r.checks.calendar.checkedDates).toBeGreaterThan(15);
    const rest = new TastyRestClient({
      tasty: { clientSecret: "s", refreshToken: "r", isTest: false, apiUrl: sim.restUrl },
      clock: systemClock,
      log: silentLog,
    });
    const listed = await rest.getEquityCalendar();
    expect(listed.holidays).toContain("2026-12-25");
    expect(listed.holidays).toContain("2026-11-26");
    expect(listed.halfDays).toContain("2026-11-27");
    // A closure the broker knows and the calendar does not is a problem naming the date.
    const config = validateConfig({
      TASTY_CLIENT_SECRET: "s",
      TASTY_REFRESH_TOKEN: "r",
      TASTY_API_URL: sim.restUrl,
    });
    if (!config.ok) throw new Error("config");
    const withExtra = Object.assign(Object.create(rest) as TastyRestClient, {
      getEquityCalendar: async () => ({ ...listed, holidays: [...listed.holidays, "2026-12-31"] }),
    });
    const r2 = await runTastyHealth(
      {
        clock: systemClock,
        log: silentLog,
        config: config.config,
        rest: withExtra,
        status: empty(),
        probe: probeDxLink,
      },
      { probeTimeoutMs: 5_000 },
    );
    expect(r2.ok).toBe(false);
    expect(r2.problems).toContain(
      "calendar: tastytrade lists 2026-12-31 as closed, the NYSE calendar as trading (fix nyse-closures.ts and redeploy)",
    );
    // Unavailable is not unhealthy.
    const failing = Object.assign(Object.create(rest) as TastyRestClient, {
      getEquityCalendar: async () => {
        throw new Error("HTTP 404");
      },
    });
    const r3 = await runTastyHealth(
      {
        clock: systemClock,
        log: silentLog,
        config: config.config,
        rest: failing,
        status: empty(),
        probe: probeDxLink,
      },
      { probeTimeoutMs: 5_000 },
    );
    expect(r3.checks.calendar).toEqual({ ok: true, skipped: "unavailable: HTTP 404" });
    expect(r3.problems).toEqual([]);
  });

  it("healthy: REST and DXLink with latencies, JSON-serialisable", async () => {
    const r = await health();
    expect(r.problems).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.checks.rest).toMatchObject({ ok: true, symbol: "SPX" });
    expect(r.checks.dxlink.ok).toBe(true);
    expect(r.checks.dxlink.firstQuoteMs).toBeGreaterThanOrEqual(0);
    expect(r.checks.stream).toMatchObject({ state: "absent", running: false, required: false });
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it("the DXLink probe tells 'snapshot only' (events stopped) from 'updates arriving'", async () => {
    const flowing = await health({ sessionOpen: () => true, updateWithinMs: 2_000 });
    expect(flowing.checks.dxlink).toMatchObject({ ok: true, updates: "arriving", expectUpdates: true });
    expect(flowing.checks.dxlink.firstUpdateMs).toBeGreaterThan(flowing.checks.dxlink.firstQuoteMs!);
    sim.faults.stopEvents(true);
    try {
      // The subscription's snapshot still comes; nothing after it. In a session: unhealthy.
      const stopped = await health({ sessionOpen: () => true, updateWithinMs: 2_000 });
      expect(stopped.checks.dxlink).toMatchObject({ ok: false, updates: "snapshot-only" });
      expect(stopped.checks.dxlink.firstQuoteMs).toBeGreaterThanOrEqual(0);
      expect(stopped.ok).toBe(false);
      expect(stopped.problems).toEqual([
        "dxlink: connected, snapshot only: no update of SPX within 2000 ms after the first quote, in a session",
      ]);
      // No session: none expected, so reported and healthy.
      const closed = await health({ sessionOpen: () => false, updateWithinMs: 2_000 });
      expect(closed.checks.dxlink).toMatchObject({
        ok: true,
        updates: "snapshot-only",
        expectUpdates: false,
      });
      expect(closed.ok).toBe(true);
    } finally {
      sim.faults.stopEvents(false);
    }
  });

  it("is never healthy while the stream is unknown (the status store cannot be read)", async () => {
    const unreadable = {
      read: async () => {
        throw new Error("connect ECONNREFUSED 127.0.0.1:1");
      },
    };
    const r = await health({}, unreadable);
    expect(r.checks.rest.ok && r.checks.dxlink.ok).toBe(true);
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual(["stream: unknown (connect ECONNREFUSED 127.0.0.1:1)"]);
  });

  it("garbage REST bodies: unhealthy with a malformed error, no crash", async () => {
    sim.faults.garbage(true);
    try {
      const r = await health();
      expect(r.ok).toBe(false);
      expect(r.checks.rest.error?.kind).toBe("malformed");
      expect(r.problems[0]).toMatch(/^rest: /);
    } finally {
      sim.faults.clear();
    }
  });

  it("HTTP 429: unhealthy, reports the rate limit", async () => {
    sim.faults.rateLimit({ forMs: 3_000 });
    try {
      const r = await health();
      expect(r.ok).toBe(false);
      expect(["rate-limit", "cooldown"]).toContain(r.checks.rest.error?.kind);
      expect(r.checks.dxlink.skipped).toBeDefined();
    } finally {
      sim.faults.clear();
    }
  });

  it("CLI --json against a configured simulator URL prints a parseable status document, exit 0", async () => {
    const { code, report } = await cli({
      TASTY_CLIENT_SECRET: "sim-secret",
      TASTY_REFRESH_TOKEN: "sim-refresh",
      TASTY_API_URL: sim.restUrl,
    });
    expect(report.ok).toBe(true);
    expect(report.restUrl).toBe(sim.restUrl);
    expect(code).toBe(0);
  });

  it("CLI text on an empty state folder: no stream running, updates arriving, HEALTHY, exit 0", async () => {
    const { code, stdout } = await cliRun([], {
      TASTY_CLIENT_SECRET: "sim-secret",
      TASTY_REFRESH_TOKEN: "sim-refresh",
      TASTY_API_URL: sim.restUrl,
    });
    expect(stdout).toMatch(/^tasty-health: HEALTHY/);
    expect(stdout).toMatch(/stream +- +no stream running/);
    expect(stdout).toMatch(/dxlink +ok +connect \d+ms, auth \d+ms, first quote \d+ms, updates arriving/);
    expect(stdout).toMatch(/jobs +ok/);
    expect(stdout).not.toMatch(/unknown/);
    expect(code).toBe(0);
  });

  it("CLI with the simulator's events stopped: snapshot only, UNHEALTHY, exit 1 (its market is open)", async () => {
    sim.faults.stopEvents(true);
    try {
      const { code, stdout } = await cliRun([], {
        TASTY_CLIENT_SECRET: "sim-secret",
        TASTY_REFRESH_TOKEN: "sim-refresh",
        TASTY_API_URL: sim.restUrl,
      });
      expect(stdout).toMatch(/^tasty-health: UNHEALTHY/);
      expect(stdout).toMatch(
        /dxlink +FAIL .*connected, snapshot only: no update within 5000 ms \(a session is open\)/,
      );
      expect(code).toBe(1);
    } finally {
      sim.faults.stopEvents(false);
    }
  });

  it("CLI on a state folder whose stream stopped hours ago and whose exits job failed: reads them as /health does", async () => {
    const stateDir = mkdtempSync(join(tmpdir(), "stratdeck-tasty-health-state-"));
    const { config } = loadConfig({ STRATDECK_STATE_DIR: stateDir });
    const conn = await connectStorage(config, {
      log: silentLog,
      owner: "test",
      embeddedEngine: (o) => startDynalite({ ...o, compactEveryMs: 0 }),
    });
    try {
      const past = new FakeClock(Date.now() - 3 * 3_600_000);
      const written = new DynamoStatusStore(conn.doc, config.tables.status, past);
      await written.beat("stream", { state: "running", healthy: true, feedState: "streaming" });
      await written.beat("job:exits", {
        ok: false,
        slot: "2026-12-04T15:55",
        durationMs: 640,
        error: "boom",
      });
    } finally {
      await conn.close();
    }
    const env = {
      TASTY_CLIENT_SECRET: "sim-secret",
      TASTY_REFRESH_TOKEN: "sim-refresh",
      TASTY_API_URL: sim.restUrl,
      STRATDECK_STATE_DIR: stateDir,
    };
    const { code, stdout } = await cliRun([], env);
    expect(stdout).toMatch(/stream +- +no stream running \(last heartbeat 10[78]\d\ds ago\)/);
    expect(stdout).toMatch(/jobs +FAIL exits failed/);
    expect(stdout).toContain("problem: job exits failed at 2026-12-04T15:55: boom");
    expect(code).toBe(1);
    const json = await cli(env);
    expect(json.report.checks.stream).toMatchObject({ state: "stale", running: false });
    expect(json.report.checks.jobs?.exits).toMatchObject({ ok: false });
  });

  it("CLI in sim mode without a URL starts an embedded simulator", async () => {
    const { code, report } = await cli({ STRATDECK_DATA_MODE: "sim" });
    expect(report.ok).toBe(true);
    expect(report.restUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(code).toBe(0);
  });

  it("CLI in live mode without credentials: validation error object, exit 2", async () => {
    const { code, report } = await cli({ STRATDECK_DATA_MODE: "live" });
    expect(code).toBe(2);
    expect(report.ok).toBe(false);
    expect(report.checks.config.issues.map((i) => i.variable)).toContain("TASTY_REFRESH_TOKEN");
  });
});
