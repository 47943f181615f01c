import { describe, expect, it } from "vitest";
import { MarketBook, RowStage } from "@stratdeck/core/dxlink";
import { silentLog } from "@stratdeck/core/log";
import { DynamoSnapshotStore } from "@stratdeck/core/market-data";
import { SnapshotWriter } from "@stratdeck/core/stream";
import { systemClock } from "@stratdeck/core/time";
import { engineTargets, freshTables } from "../../support/engines";
import { throttleBatchWrites } from "../../support/provisioned-throttle";

/** Applies one Quote event to the book (as the decoder would). */
function quote(book: MarketBook, symbol: string, bid: number, at: number): void {
  const stage = new RowStage();
  const o = stage.beginRow(0);
  stage.states[0] = book.stateFor(symbol);
  stage.nums.set([0, bid, bid + 0.1, 1, 1], o);
  book.commit(stage, at);
}

/** The deployed stream's 50 symbols: 4 underlyings and 46 option legs. */
const SYMBOLS = [
  "SPX",
  "XSP",
  "RUT",
  "NDX",
  ...Array.from({ length: 46 }, (_, i) => `.SPXW261218P${5600 + i * 5}`),
];

describe("a burst of snapshot batch writes on a provisioned table (throttled; nothing lost)", () => {
  it("every symbol's latest value lands: UnprocessedItems and refused batches are re-sent with backoff", async () => {
    const { doc, tables } = await freshTables(engineTargets()[0]!.endpoint!);
    // The deployed 10 WCU with its banked burst spent: 10 units at hand, 10 more a second, so a
    // flush of 50 takes about 4 s of re-sends.
    const throttle = throttleBatchWrites(doc, tables.snapshots, { wcuPerSecond: 10, burstUnits: 10 });
    const store = new DynamoSnapshotStore(doc, tables.snapshots, systemClock);
    const book = new MarketBook();
    const writer = new SnapshotWriter(
      { store, clock: systemClock, log: silentLog, states: () => book.values(), confirmSince: () => 0 },
      { windowMs: 200, heartbeatMs: 60_000, maxRetryDelayMs: 400 },
    );
    // Two bursts: every symbol changes, then again before the writes catch up; latest wins.
    for (let round = 1; round <= 2; round++) {
      for (const s of SYMBOLS) quote(book, s, 100 * round + SYMBOLS.indexOf(s), Date.now());
      await writer.flush();
    }
    const deadline = Date.now() + 30_000;
    while (writer.stats().pending > 0) {
      if (Date.now() > deadline) throw new Error(`still ${writer.stats().pending} pending`);
      await new Promise((r) => setTimeout(r, 200));
      await writer.flush();
    }
    throttle.set(false);
    // It really was throttled: items handed back and whole batches refused.
    expect(throttle.stats.unprocessed).toBeGreaterThan(0);
    expect(throttle.stats.batches).toBeGreaterThan(SYMBOLS.length / 25);
    // Nothing lost: every symbol's stored snapshot is its latest value.
    const stored = await store.getMany(SYMBOLS, { maxAgeMs: 60_000 });
    for (const s of SYMBOLS) expect(stored.get(s)?.bid, s).toBe(200 + SYMBOLS.indexOf(s));
    doc.destroy();
  }, 60_000);
});
