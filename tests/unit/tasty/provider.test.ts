import { afterEach, describe, expect, it } from "vitest";
import { silentLog } from "@stratdeck/core/log";
import { MemorySnapshotStore, type Snapshot } from "@stratdeck/core/market-data";
import { FakeClock } from "@stratdeck/core/time";
import { MemoryCooldownStore, TastyMarketDataProvider, TastyRestClient } from "@stratdeck/core/tasty";
import { FIXTURES } from "./fixtures";
import { startFakeTasty, type FakeHandler } from "./fake-tasty-server";

const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(stops.splice(0).map((s) => s()));
});

const T0 = Date.parse("2025-06-02T20:15:00.123Z");

async function setup(handler: FakeHandler) {
  const server = await startFakeTasty((r) =>
    r.path === "/oauth/token" ? [200, FIXTURES.token] : handler(r),
  );
  stops.push(server.stop);
  const clock = new FakeClock(T0);
  const snapshots = new MemorySnapshotStore(clock);
  const cooldowns = new MemoryCooldownStore(clock);
  const rest = new TastyRestClient({
    tasty: { clientSecret: "s-secret", refreshToken: "r-token", isTest: false, apiUrl: server.url },
    clock,
    log: silentLog,
    cooldowns,
  });
  const provider = new TastyMarketDataProvider(
    { rest, snapshots, clock, log: silentLog },
    { streamMaxAgeMs: 10_000 },
  );
  const snap = (s: Partial<Snapshot> & { symbol: string }, ageMs = 0) =>
    snapshots.putMany([{ eventTime: clock.now() - ageMs, writtenAt: clock.now() - ageMs, ...s }]);
  return { server, clock, snapshots, cooldowns, provider, snap };
}

const restCalls = (seen: Array<{ path: string }>) =>
  seen.filter((s) => s.path.startsWith("/market-data")).length;

describe("TastyMarketDataProvider.getUnderlyingPrice", () => {
  it("uses REST mark/mid when there is no snapshot, with the age from updated-at", async () => {
    const { provider, clock } = await setup(() => [200, FIXTURES.marketData]);
    clock.advance(2_000);
    const p = await provider.getUnderlyingPrice("SPX");
    expect(p).toMatchObject({ price: 5999.65, source: "rest", ageMs: 2_000, lowConfidence: false });
    expect(p.skipped).toEqual(["stream: no snapshot"]);
  });

  it("prefers the previous close when the stale snapshot has nothing else, and returns none past the TA max age", async () => {
    const { provider, snap, clock } = await setup(() => [500, { error: { code: "x", message: "down" } }]);
    await snap({ symbol: "SPX", prevClose: 5950.4 }, 60_000);
    const p = await provider.getUnderlyingPrice("SPX");
    expect(p).toMatchObject({ price: 5950.4, source: "ta-hint", lowConfidence: true, ageMs: 60_000 });
    expect(p.skipped[0]).toBe("stream: snapshot has no bid/ask");
    expect(p.skipped[1]).toMatch(/^rest: server: /);

    clock.advance(5 * 86_400_000);
    const none = await provider.getUnderlyingPrice("SPX");
    expect(none.price).toBeNull();
    expect(none.source).toBe("none");
    expect(none.skipped.at(-1)).toMatch(/^ta-hint: last known price is \d+ms old/);
  });

  it("remembers the last live REST price as a TA hint", async () => {
    let up = true;
    const { provider, clock } = await setup(() => (up ? [200, FIXTURES.marketData] : [200, "garbage"]));
    await provider.getUnderlyingPrice("SPX");
    up = false;
    clock.advance(30_000);
    const p = await provider.getUnderlyingPrice("SPX");
    expect(p).toMatchObject({ price: 5999.65, source: "ta-hint", lowConfidence: true });
    expect(p.skipped[1]).toMatch(/^rest: malformed: .*not JSON/);
  });
});

describe("TastyMarketDataProvider.getQuotes", () => {
  it("takes fresh snapshots, then one batched REST call for the missing ones (OCC ↔ streamer)", async () => {
    const { provider, snap, server } = await setup((r) => {
      const q = decodeURIComponent(r.path);
      expect(q).toContain("equity-option=SPXW  251219P05800000,SPXW  251219P05790000");
      return [
        200,
        {
          data: {
            items: [
              {
                symbol: "SPXW  251219P05800000",
                "instrument-type": "Equity Option",
                bid: "10.1",
                ask: "10.5",
              },
            ],
          },
        },
      ];
    });
    await snap({ symbol: ".SPXW251219P5810", bid: 11, ask: 11.4, iv: 0.2, greeks: { delta: -0.3 } });
    await snap({ symbol: ".SPXW251219P5790", bid: 9, ask: 9.4 }, 60_000);
    const quotes = await provider.getQuotes([".SPXW251219P5810", ".SPXW251219P5800", ".SPXW251219P5790"]);
    expect(quotes.get(".SPXW251219P5810")).toMatchObject({
      source: "stream",
      mid: 11.2,
      iv: 0.2,
      delta: -0.3,
      ageMs: 0,
    });
    expect(quotes.get(".SPXW251219P5800")).toMatchObject({ source: "rest", bid: 10.1, ask: 10.5, mid: 10.3 });
    expect(quotes.has(".SPXW251219P5790")).toBe(false);
    expect(restCalls(server.seen)).toBe(1);
  });

  it("skips REST for symbols in cooldown and survives REST failures", async () => {
    const { provider, cooldowns, server } = await setup(() => [503, ""]);
    await cooldowns.start("SPXW  251219P05800000", 60_000, "test");
    expect((await provider.getQuotes([".SPXW251219P5800"])).size).toBe(0);
    expect(restCalls(server.seen)).toBe(0);
    expect((await provider.getQuotes([".SPXW251219P5700"])).size).toBe(0);
    expect(restCalls(server.seen)).toBe(1);
  });
});

describe("TastyMarketDataProvider.getMetrics", () => {
  it("reads IV rank/percentile, reuses them for 5 minutes, falls back to the last value on errors", async () => {
    let ok = true;
    const { provider, server, clock } = await setup(() => (ok ? [200, FIXTURES.metricsLive] : [500, ""]));
    expect(await provider.getMetrics("SPX")).toMatchObject({ ivRank: 0.0223, ivPercentile: 0.0312 });
    await provider.getMetrics("SPX");
    expect(server.seen.filter((s) => s.path.startsWith("/market-metrics"))).toHaveLength(1);
    ok = false;
    clock.advance(301_000);
    expect(await provider.getMetrics("SPX")).toMatchObject({ ivRank: 0.0223 });
    expect(await provider.getMetrics("RUT")).toEqual({ symbol: "RUT" });
  });
});
