import { afterEach, describe, expect, it } from "vitest";
import { silentLog } from "@stratdeck/core/log";
import { startSimulator, type RunningSimulator } from "@stratdeck/sim";
import { TastyRestClient } from "@stratdeck/core/tasty";
import { FakeClock } from "@stratdeck/core/time";

const START = "2026-03-10T15:00:00Z";
let sim: RunningSimulator | undefined;
afterEach(async () => {
  await sim?.stop();
});

const client = (clock: FakeClock, url: string) =>
  new TastyRestClient({
    tasty: { clientSecret: "sim-secret", refreshToken: "sim-refresh", isTest: false, apiUrl: url },
    clock,
    log: silentLog,
    timeoutMs: 3_000,
  });

describe("OAuth access-token renewal against the simulator", () => {
  it("a call after expiry triggers exactly one refresh, shared by concurrent calls", async () => {
    const clock = new FakeClock(START);
    sim = await startSimulator({ clock, accessTokenTtlSeconds: 120 });
    const rest = client(clock, sim.restUrl);
    await rest.getMarketMetrics(["SPX"]);
    expect(sim.stats().accessTokensIssued).toBe(1);
    clock.advance(30_000);
    await rest.getMarketMetrics(["SPX"]);
    expect(sim.stats().accessTokensIssued).toBe(1);

    clock.advance(100_000); // past the 120 s lifetime
    await Promise.all([rest.getMarketMetrics(["SPX"]), rest.getQuoteToken(), rest.getNestedChain("XSP")]);
    expect(sim.stats().accessTokensIssued).toBe(2);
    expect(rest.tokenRefreshes).toBe(2);
  });

  it("a token the server already considers expired: one 401, one refresh, one retry", async () => {
    const simClock = new FakeClock(START);
    const clientClock = new FakeClock(START); // the client believes its token is still young
    sim = await startSimulator({ clock: simClock, accessTokenTtlSeconds: 120 });
    const rest = client(clientClock, sim.restUrl);
    await rest.getMarketMetrics(["SPX"]);
    simClock.advance(200_000);
    const before = sim.stats().requests;
    const m = await rest.getMarketMetrics(["SPX"]);
    expect(m.items[0]?.symbol).toBe("SPX");
    expect(sim.stats().accessTokensIssued).toBe(2);
    expect(sim.stats().requests - before).toBe(3); // 401, POST /oauth/token, retry
  });
});
