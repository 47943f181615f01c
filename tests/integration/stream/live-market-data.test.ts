import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "@stratdeck/sim";
import { LiveMarketDataService, type LiveMarketDataOptions } from "@stratdeck/core/dxlink";
import { systemClock } from "@stratdeck/core/time";
import { memoryLog } from "@stratdeck/core/log";
import { flakyProxy, waitFor } from "./helpers";

/** Short timings so every fault plays out in well under a second. */
const FAST: LiveMarketDataOptions = {
  keepaliveIntervalMs: 100,
  keepaliveTimeoutMs: 1_500,
  actionTimeoutMs: 2_000,
  aggregationPeriodSeconds: 0.05,
  backoff: { initialMs: 40, maxMs: 200, resetAfterMs: 300 },
};
const SPX = [
  { type: "Quote" as const, symbol: "SPX" },
  { type: "Trade" as const, symbol: "SPX" },
];

let sim: RunningSimulator;
let stop: AbortController;
let running: Promise<void> | undefined;

beforeEach(async () => {
  sim = await startSimulator({ dropEarlyAuth: 1, publishIntervalMs: 25, seed: 3 });
  stop = new AbortController();
});
afterEach(async () => {
  stop.abort();
  await running;
  await sim.stop();
});

function service(options: LiveMarketDataOptions = {}, dxlinkUrl?: string) {
  const log = memoryLog();
  let fetches = 0;
  const tokens = {
    fetch: async () => {
      fetches++;
      const g = sim.issueQuoteToken();
      return dxlinkUrl ? { ...g, dxlinkUrl } : g;
    },
  };
  let r = 0;
  const random = () => [0.1, 0.7, 0.4, 0.9][r++ % 4]!;
  const svc = new LiveMarketDataService({ tokens, clock: systemClock, log, random }, { ...FAST, ...options });
  svc.setSubscriptions(SPX);
  running = svc.run(stop.signal);
  return { svc, log, fetches: () => fetches };
}

describe("LiveMarketDataService against the simulator", () => {
  it("a stalled feed (socket open, nothing sent) turns unhealthy, stale reads give null, then it reconnects", async () => {
    const { svc, log } = service();
    await waitFor("healthy", () => svc.isHealthy(1));
    expect(svc.getSnapshot("SPX", { maxAgeSeconds: 1 })).toMatchObject({ symbol: "SPX" });
    // The last event time and the per-symbol timestamp are exposed and recent.
    expect(svc.lastEventAt).not.toBeNull();
    expect(Date.now() - svc.lastEventAt!).toBeLessThan(1_000);
    expect(svc.symbolUpdatedAt("SPX")).toBeLessThanOrEqual(svc.lastEventAt!);
    expect(svc.symbolUpdatedAt("NOT-SUBSCRIBED")).toBeUndefined();
    sim.faults.silence(true);
    await waitFor("unhealthy", () => !svc.isHealthy(0.2));
    await waitFor("stale", () => svc.getSnapshot("SPX", { maxAgeSeconds: 0.2 }) === null);
    await waitFor("silence detected", () =>
      log.events("dxlink.disconnect").some((f) => f.reason === "silence"),
    );
    sim.faults.silence(false);
    await waitFor("healthy again", () => svc.isHealthy(0.5));
    expect(svc.stats().reconnects).toBeGreaterThanOrEqual(1);
  });

  it("a failing first connect followed by success gives exactly one reconnect", async () => {
    const proxy = await flakyProxy(sim.dxlinkUrl, 1);
    try {
      const { svc, log } = service({}, proxy.url);
      await waitFor("healthy", () => svc.isHealthy(1));
      await new Promise((r) => setTimeout(r, 200));
      expect(svc.stats()).toMatchObject({ connects: 1, reconnects: 1, authFailures: 0 });
      expect(log.events("dxlink.reconnect")).toHaveLength(1);
      expect(proxy.connections()).toBe(2);
    } finally {
      stop.abort();
      await running;
      await proxy.stop();
    }
  });

  it("a 1012 close leads to a reconnect that resubscribes everything", async () => {
    const { svc, log } = service();
    await waitFor("healthy", () => svc.isHealthy(1));
    const subs = sim.stats().subscriptions;
    const before = svc.getSnapshot("SPX", { maxAgeSeconds: 5 })!.writtenAt;
    sim.faults.closeAll();
    await waitFor("second connect", () => svc.stats().connects === 2);
    await waitFor(
      "fresh data",
      () => (svc.getSnapshot("SPX", { maxAgeSeconds: 5 })?.writtenAt ?? 0) > before,
    );
    await waitFor("everything resubscribed", () => sim.stats().subscriptions === subs);
    expect(log.events("dxlink.disconnect")[0]).toMatchObject({ reason: "closed", code: 1012 });
  });

  it("an expired quote token is replaced by a freshly fetched one", async () => {
    const { svc, log, fetches } = service();
    await waitFor("healthy", () => svc.isHealthy(1));
    expect(fetches()).toBe(1);
    sim.faults.expireQuoteTokens();
    await waitFor("reconnected with a new token", () => svc.stats().connects === 2 && svc.isHealthy(0.5));
    expect(fetches()).toBe(2);
    expect(svc.stats().authFailures).toBe(1);
    expect(log.events("dxlink.auth").map((f) => f.event)).toEqual([
      "token-fetched",
      "authorized",
      "rejected",
      "token-fetched",
      "authorized",
    ]);
  });

  it("replaces a token before it expires: fetch first, then a planned reconnect (no auth failure)", async () => {
    await sim.stop();
    sim = await startSimulator({ dropEarlyAuth: 1, publishIntervalMs: 25, seed: 3, quoteTokenTtlSeconds: 3 });
    const { svc, log, fetches } = service({ tokenRefreshBeforeMs: 2_500 });
    await waitFor(
      "token replaced and streaming again",
      () => fetches() >= 2 && svc.stats().connects >= 2,
      5_000,
    );
    await waitFor("healthy", () => svc.isHealthy(0.5));
    expect(svc.stats().authFailures).toBe(0);
    expect(log.events("dxlink.disconnect").map((f) => f.reason)).toContain("token-refresh");
    const planned = log.events("dxlink.reconnect").filter((f) => f.reason === "token-refresh");
    expect(planned.length).toBeGreaterThanOrEqual(1);
    expect(planned.every((f) => f.delayMs === 0)).toBe(true);
  });

  it("sends KEEPALIVE often enough that a server with a 1 s idle timeout keeps the session", async () => {
    await sim.stop();
    sim = await startSimulator({
      dropEarlyAuth: 1,
      publishIntervalMs: 25,
      seed: 3,
      keepaliveTimeoutSeconds: 1,
    });
    const { svc } = service({ keepaliveIntervalMs: 200 });
    await waitFor("healthy", () => svc.isHealthy(1));
    await new Promise((r) => setTimeout(r, 1_600));
    expect(svc.stats()).toMatchObject({ connects: 1, reconnects: 0, state: "streaming" });
  });

  it("skips malformed frames without dropping the connection", async () => {
    const { svc } = service();
    await waitFor("healthy", () => svc.isHealthy(1));
    sim.faults.malformedFrames(8);
    await waitFor(
      "malformed counted",
      () => Object.values(svc.stats().malformed).reduce((a, b) => a + b, 0) >= 8,
    );
    const events = svc.stats().events;
    await waitFor("data keeps flowing", () => svc.stats().events > events && svc.isHealthy(0.5));
    expect(svc.stats()).toMatchObject({ connects: 1, reconnects: 0 });
    expect(Object.keys(svc.stats().malformed).sort()).toEqual([
      "bad-envelope",
      "invalid-json",
      "row-width",
      "unhandled-type:SIM_UNKNOWN_MESSAGE",
    ]);
  });

  it("backs off with capped, jittered delays while auth is refused, and resets after a healthy period", async () => {
    sim.faults.rejectAuth(true);
    const { svc, log, fetches } = service();
    await waitFor("several refusals", () => svc.stats().authFailures >= 5, 8_000);
    const delays = log.events("dxlink.reconnect").map((f) => f.delayMs as number);
    expect(Math.max(...delays)).toBeLessThanOrEqual(200);
    expect(delays[0]).toBeLessThan(40);
    expect(new Set(delays.slice(2)).size).toBeGreaterThan(1);
    expect(fetches()).toBeGreaterThanOrEqual(5);
    sim.faults.rejectAuth(false);
    await waitFor("healthy", () => svc.isHealthy(0.5), 3_000);
    await new Promise((r) => setTimeout(r, 350));
    const n = log.events("dxlink.reconnect").length;
    sim.faults.closeAll();
    await waitFor("reconnect scheduled", () => log.events("dxlink.reconnect").length > n);
    expect(log.events("dxlink.reconnect")[n]).toMatchObject({ attempt: 1 });
    expect(log.events("dxlink.reconnect")[n]!.delayMs).toBeLessThan(40);
  });

  it("stops cleanly on the signal, mid-backoff included", async () => {
    sim.faults.rejectAuth(true);
    const { svc } = service({ backoff: { initialMs: 5_000, maxMs: 5_000, resetAfterMs: 1_000 } });
    await waitFor("in backoff", () => svc.stats().state === "backoff");
    const t0 = Date.now();
    stop.abort();
    await running;
    expect(Date.now() - t0).toBeLessThan(200);
    expect(svc.stats().state).toBe("stopped");
  });
});
