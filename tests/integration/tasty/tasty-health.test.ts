import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateConfig } from "@stratdeck/core/config";
import { probeDxLink } from "@stratdeck/core/dxlink";
import { runTastyHealth, type TastyHealthReport } from "@stratdeck/core/health";
import { silentLog } from "@stratdeck/core/log";
import { startSimulator, type RunningSimulator } from "@stratdeck/sim";
import { TastyRestClient } from "@stratdeck/core/tasty";
import { systemClock } from "@stratdeck/core/time";

const run = promisify(execFile);
const CLI = "packages/cli/bin/stratdeck.mjs";

/** Runs `stratdeck tasty-health --json` in a child process with only the given env. */
async function cli(env: Record<string, string>): Promise<{ code: number; report: TastyHealthReport }> {
  const base = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", STRATDECK_LOG_LEVEL: "ERROR" };
  try {
    const { stdout } = await run(process.execPath, [CLI, "tasty-health", "--json", "--timeout-ms", "5000"], {
      env: { ...base, ...env },
      timeout: 30_000,
    });
    return { code: 0, report: JSON.parse(stdout) as TastyHealthReport };
  } catch (err) {
    const e = err as { code?: number; stdout?: string };
    return { code: e.code ?? -1, report: JSON.parse(e.stdout ?? "null") as TastyHealthReport };
  }
}

describe("tasty-health against the simulator", () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ dropEarlyAuth: 1, seed: 3, publishIntervalMs: 50 });
  });
  afterAll(async () => {
    await sim?.stop();
  });

  const health = async () => {
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
      { clock: systemClock, log: silentLog, config: config.config, rest, status: null, probe: probeDxLink },
      { probeTimeoutMs: 5_000 },
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
        status: null,
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
        status: null,
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
    expect(r.checks.stream.state).toBe("unknown");
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
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
