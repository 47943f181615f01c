import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { RecordedMarket, runBacktest } from "@stratdeck/sim/backtest";
import { validateConfig } from "@stratdeck/core/config";
import { silentLog } from "@stratdeck/core/log";
import { MemorySnapshotStore } from "@stratdeck/core/market-data";
import { MemoryPaperOrderStore } from "@stratdeck/core/ledger";
import { startSimulator } from "@stratdeck/sim";
import { MemoryStatusStore } from "@stratdeck/core/status";
import { openFrameRecorder, readFrameRecording, runStreamTask, streamTaskDeps } from "@stratdeck/core/stream";
import { loadStrategiesFile, type StrategiesConfig } from "@stratdeck/core/strategies";
import { TastyRestClient } from "@stratdeck/core/tasty";
import { scaledClock, systemClock } from "@stratdeck/core/time";

const dir = mkdtempSync(join(tmpdir(), "stratdeck-replay-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("record the stream, replay it through the backtest", () => {
  it("records received DXLink frames gzip line by line, and the jobs trade on the recorded quotes only", async () => {
    // One real second = 20 market seconds, from 10:27 New York on a trading day: the stream has
    // minutes of market time to subscribe before the 10:30 ideas run, even on a loaded machine.
    const clock = scaledClock(systemClock, 20, Date.parse("2025-03-03T15:27:00Z"));
    const sim = await startSimulator({ clock, seed: 5, publishIntervalMs: 100 });
    const file = join(dir, "session.jsonl.gz");
    const recorder = openFrameRecorder(file);
    const file_ = await loadStrategiesFile(join(process.cwd(), "strategies.yaml"));
    try {
      const rest = new TastyRestClient({
        tasty: { clientSecret: "s", refreshToken: "r", isTest: false, apiUrl: sim.restUrl },
        clock,
        log: silentLog,
      });
      const deps = streamTaskDeps({
        clock,
        log: silentLog,
        snapshots: new MemorySnapshotStore(clock),
        status: new MemoryStatusStore(clock),
        orders: new MemoryPaperOrderStore(),
        rest,
        strategies: file_,
      });
      const stop = new AbortController();
      const done = runStreamTask({ ...deps, onFrame: (b, at) => recorder.write(b, at) }, stop.signal, {
        plan: { maxOptionSymbols: 2000 },
        replanIntervalMs: 60_000,
      });
      const until = Date.parse("2025-03-03T15:31:30Z");
      while (clock.now() < until) await new Promise((r) => setTimeout(r, 200));
      stop.abort();
      await done;
    } finally {
      await recorder.close();
      await sim.stop();
    }
    expect(recorder.frames).toBeGreaterThan(20);
    let lines = 0;
    let previous = 0;
    for await (const f of readFrameRecording(file)) {
      expect(f.t).toBeGreaterThanOrEqual(previous);
      previous = f.t;
      lines++;
    }
    expect(lines).toBe(recorder.frames);

    const market = await RecordedMarket.load(file);
    expect(market.range()).toEqual({ from: "2025-03-03", to: "2025-03-03" });
    expect(market.underlyings()).toEqual(expect.arrayContaining(["SPX", "RUT", "NDX", "XSP"]));
    // DXLink carries no IV index: the IV-rank filter is off. The stream records strikes within a few
    // percent of the spot, so the short leg is aimed nearer the money than the file's 0.20 delta.
    const strategies: StrategiesConfig = {
      ...file_,
      strategies: Object.fromEntries(
        Object.entries(file_.strategies).map(([k, r]) => [
          k,
          r && {
            ...r,
            shortDelta: { target: 0.35, min: 0.25, max: 0.45 },
            filters: { ...r.filters, minIvr: null, minPop: null, minCreditPerWidth: null },
          },
        ]),
      ),
    };
    const env = validateConfig({ STRATDECK_DATA_MODE: "sim" });
    if (!env.ok) throw new Error("config");
    const r = await runBacktest(
      { market, strategies, config: env.config },
      { from: "2025-03-03", to: "2025-03-03", seed: null },
    );
    expect(r.market).toBe("replay");
    expect(r.runs["ideas"]).toBe(11);
    expect(r.trades.length).toBeGreaterThan(0);
    for (const t of r.trades) {
      // Entered on what had been received before the run, at the recorded index level.
      const at = Date.parse(t.entry.time);
      expect(Date.parse(t.entry.quoteTime)).toBeLessThan(at);
      expect(t.entry.underlyingPrice).toBe(market.spotAt(t.underlying, at));
      expect(at).toBeGreaterThan(market.firstAt);
      expect(at).toBeLessThan(market.lastAt);
    }
  }, 120_000);
});
