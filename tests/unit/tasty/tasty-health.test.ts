import { afterEach, describe, expect, it } from "vitest";
import { validateConfig } from "@stratdeck/core/config";
import { runTastyHealth, type DxLinkProbe } from "@stratdeck/core/health";
import { silentLog } from "@stratdeck/core/log";
import { MemoryStatusStore } from "@stratdeck/core/status";
import { TastyRestClient } from "@stratdeck/core/tasty";
import { FakeClock } from "@stratdeck/core/time";
import { FIXTURES } from "./fixtures";
import { startFakeTasty, type FakeHandler } from "./fake-tasty-server";

const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(stops.splice(0).map((s) => s()));
});

const okProbe: DxLinkProbe = async () => ({
  ok: true,
  connectMs: 3,
  authMs: 5,
  firstQuoteMs: 9,
  quote: { symbol: "SPX", bid: 1, ask: 2, eventTime: 0, writtenAt: 0 },
});

async function setup(handler: FakeHandler, probe: DxLinkProbe = okProbe) {
  const server = await startFakeTasty(handler);
  stops.push(server.stop);
  const clock = new FakeClock("2025-12-08T15:00:00Z");
  const env = {
    STRATDECK_DATA_MODE: "live",
    TASTY_CLIENT_SECRET: "cs-1234",
    TASTY_REFRESH_TOKEN: "rt-1234",
    TASTY_API_URL: server.url,
  };
  const config = validateConfig(env);
  if (!config.ok) throw new Error("config");
  const rest = new TastyRestClient({ tasty: config.config.tasty!, clock, log: silentLog, timeoutMs: 500 });
  const status = new MemoryStatusStore(clock);
  return { clock, status, deps: { clock, log: silentLog, config: config.config, rest, status, probe } };
}

const healthy: FakeHandler = (r) =>
  r.path === "/oauth/token"
    ? [200, FIXTURES.token]
    : r.path.startsWith("/market-metrics")
      ? [200, FIXTURES.metricsLive]
      : r.path === "/api-quote-tokens"
        ? [200, FIXTURES.quoteToken]
        : null;

describe("runTastyHealth", () => {
  it("missing env gives a validation error object, not an exception", async () => {
    const config = validateConfig({ STRATDECK_DATA_MODE: "live" });
    const r = await runTastyHealth({ clock: new FakeClock(0), log: silentLog, config, probe: okProbe });
    expect(r.ok).toBe(false);
    expect(r.checks.config.ok).toBe(false);
    expect(r.checks.config.issues.map((i) => i.variable).sort()).toEqual([
      "TASTY_CLIENT_SECRET",
      "TASTY_REFRESH_TOKEN",
    ]);
    expect(r.checks.rest.skipped).toBe("invalid configuration");
    expect(r.checks.dxlink.skipped).toBe("invalid configuration");
    expect(r.problems[0]).toMatch(/^config: TASTY_CLIENT_SECRET is required/);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it("healthy path: token, light call, quote token, DXLink probe and a fresh heartbeat", async () => {
    const { deps, status, clock } = await setup(healthy);
    await status.beat("stream", { symbols: 120 });
    clock.advance(5_000);
    const r = await runTastyHealth(deps, { requireStream: true });
    expect(r.ok).toBe(true);
    expect(r.environment).toBe("custom");
    expect(r.checks.rest).toMatchObject({ ok: true, symbol: "SPX", ivRank: 0.0223 });
    expect(r.checks.rest.tokenMs).toBeGreaterThanOrEqual(0);
    expect(r.checks.dxlink).toMatchObject({ ok: true, connectMs: 3, authMs: 5, firstQuoteMs: 9 });
    expect(r.checks.stream).toMatchObject({ ok: true, state: "fresh", ageMs: 5_000, data: { symbols: 120 } });
  });

  it("a stale heartbeat is reported, and fails health only when required", async () => {
    const { deps, status, clock } = await setup(healthy);
    await status.beat("stream", {});
    clock.advance(600_000);
    expect((await runTastyHealth(deps)).ok).toBe(true);
    const strict = await runTastyHealth(deps, { requireStream: true });
    expect(strict.ok).toBe(false);
    expect(strict.checks.stream.state).toBe("stale");
    expect(strict.problems).toEqual(["stream: heartbeat stale"]);
  });

  it("a probe that throws and a REST server error both become failed checks", async () => {
    const boom: DxLinkProbe = async () => {
      throw new Error("socket hang up");
    };
    const { deps } = await setup(healthy, boom);
    const r = await runTastyHealth(deps);
    expect(r.ok).toBe(false);
    expect(r.checks.dxlink).toMatchObject({ ok: false, error: "socket hang up" });

    const down = await setup((req) =>
      req.path === "/oauth/token" ? [200, FIXTURES.token] : [503, "<html>"],
    );
    const r2 = await runTastyHealth(down.deps);
    expect(r2.checks.rest.error).toMatchObject({ kind: "server", status: 503 });
    expect(r2.checks.dxlink.skipped).toBe("no quote token (REST check failed)");
    expect(r2.problems[0]).toMatch(/^rest: GET \/market-metrics: HTTP 503/);
  });
});
