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
    expect(strict.problems).toEqual(["stream: no stream running (last heartbeat 600 s ago)"]);
    expect(strict.checks.stream.running).toBe(false);
  });

  it("says no stream running when none ever beat, and is never healthy while the stream is unknown", async () => {
    const { deps } = await setup(healthy);
    const none = await runTastyHealth(deps, { requireStream: true });
    expect(none.checks.stream).toMatchObject({ state: "absent", running: false });
    expect(none.problems).toEqual(["stream: no stream running (no heartbeat ever written)"]);
    // Not required (no session, no stack): reported, not unhealthy.
    expect((await runTastyHealth(deps)).ok).toBe(true);
    // Unknown (the store cannot be read, or none was given) is a problem even when not required.
    const broken = {
      read: async () => {
        throw new Error("connect ECONNREFUSED 127.0.0.1:8000");
      },
    };
    const unknown = await runTastyHealth({ ...deps, status: broken });
    expect(unknown.ok).toBe(false);
    expect(unknown.problems).toEqual(["stream: unknown (connect ECONNREFUSED 127.0.0.1:8000)"]);
    const unread = await runTastyHealth({ ...deps, status: null });
    expect(unread.ok).toBe(false);
    expect(unread.problems).toEqual(["stream: unknown (no status store configured)"]);
  });

  it("reads every job's last run as /health does: a failed run is a problem", async () => {
    const { deps, status } = await setup(healthy);
    await status.beat("job:exits", { ok: false, slot: "2025-12-08T09:55", durationMs: 812, error: "boom" });
    await status.beat("job:ideas", { ok: true, slot: "2025-12-08T09:30", durationMs: 2_100 });
    const r = await runTastyHealth(deps, { includeJobs: true });
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual(["job exits failed at 2025-12-08T09:55: boom"]);
    expect(r.checks.jobs?.ideas).toMatchObject({ ok: true });
    expect(r.checks.jobs?.settle).toEqual({ ageMs: null, ok: null });
  });

  it("DXLink: a snapshot and no update is unhealthy in a session, reported outside one", async () => {
    const snapshotOnly: DxLinkProbe = async (o) => ({
      ...(await okProbe(o)),
      updates: o.updateWithinMs ? "snapshot-only" : undefined,
    });
    const { deps } = await setup(healthy, snapshotOnly);
    const inSession = await runTastyHealth(deps, { sessionOpen: () => true, updateWithinMs: 2_000 });
    expect(inSession.checks.dxlink).toMatchObject({
      ok: false,
      updates: "snapshot-only",
      expectUpdates: true,
      updateWithinMs: 2_000,
    });
    expect(inSession.problems).toEqual([
      "dxlink: connected, snapshot only: no update of SPX within 2000 ms after the first quote, in a session",
    ]);
    const closed = await runTastyHealth(deps, { sessionOpen: () => false, updateWithinMs: 2_000 });
    expect(closed.ok).toBe(true);
    expect(closed.checks.dxlink).toMatchObject({ ok: true, updates: "snapshot-only", expectUpdates: false });
    // By default the NYSE session decides: 2025-12-08 10:00 New York is in one.
    expect((await runTastyHealth(deps)).checks.dxlink).toMatchObject({ ok: false, expectUpdates: true });
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
