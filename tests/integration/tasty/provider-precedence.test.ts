import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLog } from "@stratdeck/core/log";
import { DynamoSnapshotStore } from "@stratdeck/core/market-data";
import { startSimulator, type RunningSimulator } from "@stratdeck/sim";
import { DynamoCooldownStore, TastyMarketDataProvider, TastyRestClient } from "@stratdeck/core/tasty";
import { FakeClock } from "@stratdeck/core/time";
import { engineTargets, freshTables } from "../../support/engines";

// A Tuesday, 11:00 New York: market open.
const START = "2026-03-10T15:00:00Z";

for (const target of engineTargets()) {
  const endpoint = target.endpoint;
  const suite = endpoint ? describe : describe.skip;
  suite(`price precedence against the simulator [${target.name}]`, () => {
    let sim: RunningSimulator;
    let clock: FakeClock;
    let provider: TastyMarketDataProvider;
    let snapshots: DynamoSnapshotStore;
    let cooldowns: DynamoCooldownStore;

    beforeAll(async () => {
      clock = new FakeClock(START);
      sim = await startSimulator({ clock, seed: 7 });
      sim.market.setWalk(false);
      const { doc, tables } = await freshTables(endpoint!);
      snapshots = new DynamoSnapshotStore(doc, tables.snapshots, clock);
      cooldowns = new DynamoCooldownStore(doc, tables.cooldowns, clock);
      const rest = new TastyRestClient({
        tasty: {
          clientSecret: "sim-secret",
          refreshToken: "sim-refresh",
          isTest: false,
          apiUrl: sim.restUrl,
        },
        clock,
        log: silentLog,
        cooldowns,
        cooldownMs: 60_000,
        timeoutMs: 3_000,
      });
      provider = new TastyMarketDataProvider(
        { rest, snapshots, clock, log: silentLog },
        { streamMaxAgeMs: 10_000 },
      );
    });
    afterAll(async () => {
      await sim?.stop();
    });

    const put = (symbol: string, bid: number, ask: number, ageMs: number) =>
      snapshots.putMany([
        {
          symbol,
          bid,
          ask,
          mid: (bid + ask) / 2,
          eventTime: clock.now() - ageMs,
          writtenAt: clock.now() - ageMs,
        },
      ]);

    it("1. a fresh streaming snapshot wins and REST is not called", async () => {
      await put("XSP", 600.1, 600.3, 2_000);
      const before = sim.stats().requests;
      const p = await provider.getUnderlyingPrice("XSP");
      expect(p).toMatchObject({
        price: 600.2,
        source: "stream",
        ageMs: 2_000,
        lowConfidence: false,
        skipped: [],
      });
      expect(sim.stats().requests).toBe(before);
    });

    it("2. no fresh snapshot: REST mark/mid from the simulator", async () => {
      await put("NDX", 100, 101, 60_000);
      const p = await provider.getUnderlyingPrice("NDX");
      expect(p.source).toBe("rest");
      expect(p.price).toBeCloseTo(sim.market.spot("NDX"), 1);
      expect(p.skipped).toEqual(["stream: stale 60000ms > 10000ms"]);
    });

    it("3. REST answers garbage: the stale snapshot mid is a low-confidence TA hint with its age", async () => {
      await put("RUT", 2500, 2501, 45_000);
      sim.faults.garbage(true);
      try {
        const p = await provider.getUnderlyingPrice("RUT");
        expect(p).toMatchObject({ price: 2500.5, source: "ta-hint", ageMs: 45_000, lowConfidence: true });
        expect(p.skipped[0]).toBe("stream: stale 45000ms > 10000ms");
        expect(p.skipped[1]).toMatch(/^rest: malformed: GET \/market-data\/by-type/);
      } finally {
        sim.faults.clear();
      }
    });

    it("4. HTTP 429 with a stale stream: TA hint, cooldown written, no REST while it lasts, REST again after", async () => {
      await put("SPX", 6000, 6001, 30_000);
      sim.faults.rateLimit({ symbols: ["SPX"] });
      const p = await provider.getUnderlyingPrice("SPX");
      expect(p).toMatchObject({ price: 6000.5, source: "ta-hint", lowConfidence: true });
      expect(p.skipped[1]).toMatch(/^rest: cooldown until .* \(http-429 GET \/market-data\/by-type\)$/);
      const c = await cooldowns.active("SPX");
      expect(c).toMatchObject({
        symbol: "SPX",
        until: clock.now() + 60_000,
        reason: "http-429 GET /market-data/by-type",
      });

      sim.faults.clear();
      const before = sim.stats().requests;
      clock.advance(59_000);
      await put("SPX", 6000, 6001, 30_000);
      expect((await provider.getUnderlyingPrice("SPX")).source).toBe("ta-hint");
      expect(sim.stats().requests).toBe(before);

      clock.advance(1_001);
      expect(await cooldowns.active("SPX")).toBeNull();
      const after = await provider.getUnderlyingPrice("SPX");
      expect(after.source).toBe("rest");
      expect(sim.stats().requests).toBeGreaterThan(before);
    });

    it("getQuotes: stream first, REST for the rest by OCC symbol; chain and metrics through the provider", async () => {
      const chain = await provider.getChain("SPX");
      const root = chain.roots.find((r) => r.root === "SPXW")!;
      const exp = root.expirations.find((e) => e.dte >= 7)!;
      const [a, b] = exp.strikes.slice(Math.floor(exp.strikes.length / 2));
      await put(a!.putStreamer, 5, 5.2, 1_000);
      const quotes = await provider.getQuotes([a!.putStreamer, b!.putStreamer]);
      expect(quotes.get(a!.putStreamer)).toMatchObject({ source: "stream", mid: 5.1 });
      const restQ = quotes.get(b!.putStreamer);
      expect(restQ?.source).toBe("rest");
      expect(restQ?.mid).toBeCloseTo(sim.market.optionQuote(b!.putStreamer)!.mid, 2);
      const m = await provider.getMetrics("SPX");
      expect(m.ivRank).toBeCloseTo(sim.market.ivRank("SPX"), 3);
    });
  });
}
