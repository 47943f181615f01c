import { afterEach, describe, expect, it } from "vitest";
import { createLogger } from "@stratdeck/core/log";
import { FakeClock } from "@stratdeck/core/time";
import { MemoryCooldownStore, TastyApiError, TastyRestClient, USER_AGENT } from "@stratdeck/core/tasty";
import { FIXTURES } from "./fixtures";
import { startFakeTasty, type FakeHandler } from "./fake-tasty-server";

const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(stops.splice(0).map((s) => s()));
});

async function setup(handler: FakeHandler, opts: { timeoutMs?: number } = {}) {
  const server = await startFakeTasty(handler);
  stops.push(server.stop);
  const clock = new FakeClock("2025-12-08T15:00:00Z");
  const lines: string[] = [];
  const log = createLogger({ service: "test", level: "DEBUG", sink: (l) => lines.push(l) });
  const cooldowns = new MemoryCooldownStore(clock);
  const client = new TastyRestClient({
    tasty: {
      clientSecret: "client-secret-xyz",
      refreshToken: "refresh-token-xyz",
      isTest: false,
      apiUrl: server.url,
    },
    clock,
    log,
    cooldowns,
    cooldownMs: 60_000,
    timeoutMs: opts.timeoutMs ?? 2_000,
  });
  return { server, clock, lines, cooldowns, client };
}

const tokenRoute: FakeHandler = (r) => (r.path === "/oauth/token" ? [201, FIXTURES.token] : null);

describe("TastyRestClient against a loopback server", () => {
  it("sends the User-Agent and the refresh-token grant, then a bearer call", async () => {
    const { server, client } = await setup((r) => tokenRoute(r) ?? [200, FIXTURES.accounts]);
    const accounts = await client.getAccounts();
    expect(accounts[0]?.accountNumber).toBe("5WT00001");
    const [tok, call] = server.seen;
    expect(tok?.headers["user-agent"]).toBe(USER_AGENT);
    expect(JSON.parse(tok!.body)).toEqual({
      grant_type: "refresh_token",
      refresh_token: "refresh-token-xyz",
      client_secret: "client-secret-xyz",
    });
    expect(call?.headers.authorization).toBe("Bearer at-fixture-0001");
    expect(call?.headers["user-agent"]).toBe(USER_AGENT);
  });

  it("shares one refresh among concurrent calls and renews only when < 60 s are left", async () => {
    const { server, clock, client } = await setup((r) => tokenRoute(r) ?? [200, FIXTURES.accounts]);
    await Promise.all([client.getAccounts(), client.getAccounts(), client.getAccounts()]);
    expect(client.tokenRefreshes).toBe(1);
    clock.advance(900_000 - 61_000);
    await client.getAccounts();
    expect(client.tokenRefreshes).toBe(1);
    clock.advance(2_000);
    await Promise.all([client.getAccounts(), client.getAccounts()]);
    expect(client.tokenRefreshes).toBe(2);
    expect(server.seen.filter((s) => s.path === "/oauth/token")).toHaveLength(2);
  });

  it("retries once on 401 with a fresh token, then gives up with an auth error", async () => {
    let rejects = 1;
    const { client } = await setup((r) => {
      if (r.path === "/oauth/token") return [200, FIXTURES.token];
      if (rejects-- > 0) return [401, { error: { code: "invalid_session", message: "expired" } }];
      return [200, FIXTURES.accounts];
    });
    await expect(client.getAccounts()).resolves.toHaveLength(1);
    expect(client.tokenRefreshes).toBe(2);

    rejects = 5;
    const err = await client.getAccounts().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TastyApiError);
    expect(err).toMatchObject({ kind: "auth", status: 401, code: "invalid_session" });
    expect(client.tokenRefreshes).toBe(3);
  });

  it("a bad refresh token is an auth error naming /oauth/token", async () => {
    const { client } = await setup(() => [
      401,
      { error: { code: "invalid_grant", message: "Grant revoked" } },
    ]);
    await expect(client.getAccounts()).rejects.toMatchObject({ kind: "auth", endpoint: "POST /oauth/token" });
  });

  it("times out with a timeout error", async () => {
    const { client } = await setup(
      async (r) =>
        tokenRoute(r) ?? new Promise((resolve) => setTimeout(() => resolve([200, FIXTURES.accounts]), 500)),
      { timeoutMs: 100 },
    );
    await expect(client.getAccounts()).rejects.toMatchObject({
      kind: "timeout",
      endpoint: "GET /customers/me/accounts",
    });
  });

  it("a refused connection is a network error", async () => {
    const { client, server } = await setup(tokenRoute);
    await server.stop();
    await expect(client.getAccounts()).rejects.toMatchObject({ kind: "network" });
  });

  it("a 2xx that is not JSON is malformed, never a crash", async () => {
    const { client } = await setup((r) => tokenRoute(r) ?? [200, "<html>oops</html>"]);
    await expect(client.getMarketMetrics(["SPX"])).rejects.toMatchObject({
      kind: "malformed",
      field: "(body)",
    });
  });

  it("429: cooldown per symbol, rest.429 logged once, no REST until the window ends", async () => {
    let limit = true;
    const { server, clock, client, cooldowns, lines } = await setup((r) => {
      if (r.path === "/oauth/token") return [200, FIXTURES.token];
      return limit ? [429, ""] : [200, FIXTURES.metricsLive];
    });
    const first = await client.getMarketMetrics(["SPX"]);
    expect(first.items).toEqual([]);
    expect(first.cooldown[0]).toMatchObject({ symbol: "SPX", reason: "http-429 GET /market-metrics" });
    expect((await cooldowns.active("SPX"))?.until).toBe(clock.now() + 60_000);
    const calls = server.seen.length;

    clock.advance(30_000);
    const second = await client.getMarketMetrics(["SPX"]);
    expect(second.cooldown).toHaveLength(1);
    await expect(client.getNestedChain("SPX")).rejects.toMatchObject({ kind: "cooldown" });
    expect(server.seen.length).toBe(calls);
    expect(lines.filter((l) => l.includes('"rest.429"'))).toHaveLength(1);

    limit = false;
    clock.advance(30_001);
    expect(await cooldowns.active("SPX")).toBeNull();
    const third = await client.getMarketMetrics(["SPX"]);
    expect(third.items[0]?.ivRank).toBeCloseTo(0.0223);
    expect(server.seen.length).toBe(calls + 1);
  });

  it("batches market data at 100 symbols per call and encodes OCC symbols", async () => {
    const { server, client } = await setup((r) => tokenRoute(r) ?? [200, { data: { items: [] } }]);
    const equities = Array.from({ length: 150 }, (_, i) => `S${i}`);
    await client.getMarketData({
      index: ["SPX"],
      equity: equities,
      "equity-option": ["SPXW  251219P05800000"],
    });
    const calls = server.seen.filter((s) => s.path.startsWith("/market-data/by-type"));
    expect(calls).toHaveLength(2);
    const counts = calls.map((c) => decodeURIComponent(c.path.split("?")[1]!).split(/[&,]/).length);
    expect(counts).toEqual([100, 52]);
    expect(calls[1]!.path).toContain("equity-option=SPXW%20%20251219P05800000");
  });

  it("caches the chain per NY trading day", async () => {
    const { server, clock, client } = await setup((r) => tokenRoute(r) ?? [200, FIXTURES.chain]);
    const a = await client.getNestedChain("SPX");
    await client.getNestedChain("SPX");
    expect(server.seen.filter((s) => s.path.includes("option-chains"))).toHaveLength(1);
    clock.advance(86_400_000);
    const b = await client.getNestedChain("SPX");
    expect(server.seen.filter((s) => s.path.includes("option-chains"))).toHaveLength(2);
    expect(b.roots[0]!.expirations[0]!.dte).toBe(a.roots[0]!.expirations[0]!.dte - 1);
  });

  it("never logs the client secret, refresh token or access token", async () => {
    const { client, lines } = await setup((r) =>
      r.path === "/oauth/token"
        ? [200, FIXTURES.token]
        : [500, { error: { code: "boom", message: "at-fixture-0001 refresh-token-xyz" } }],
    );
    await client.getAccounts().catch(() => undefined);
    const all = lines.join("\n");
    expect(all).toContain("rest.error");
    for (const s of ["at-fixture-0001", "refresh-token-xyz", "client-secret-xyz"])
      expect(all).not.toContain(s);
  });
});
