import { describe, expect, it } from "vitest";
import { MarketBook, RowStage } from "@stratdeck/core/dxlink";
import { MemorySnapshotStore, type Snapshot } from "@stratdeck/core/market-data";
import { SnapshotWriter } from "@stratdeck/core/stream";
import { silentLog } from "@stratdeck/core/log";
import { FakeClock } from "@stratdeck/core/time";

/** Applies one Quote event to the book (as the decoder would). */
function quote(book: MarketBook, symbol: string, bid: number, ask: number, at: number): void {
  const stage = new RowStage();
  const o = stage.beginRow(0);
  stage.states[0] = book.stateFor(symbol);
  stage.nums.set([0, bid, ask, 1, 1], o);
  book.commit(stage, at);
}

class CountingStore extends MemorySnapshotStore {
  calls: Snapshot[][] = [];
  failing = false;
  override async putMany(s: readonly Snapshot[]): Promise<void> {
    if (this.failing) throw Object.assign(new Error("connect ECONNREFUSED"), { name: "StoreError" });
    this.calls.push([...s]);
    await super.putMany(s);
  }
}

function setup(healthySince: number | null = 0) {
  const clock = new FakeClock(1_000_000);
  const book = new MarketBook();
  const store = new CountingStore(clock);
  let since = healthySince;
  const writer = new SnapshotWriter(
    { store, clock, log: silentLog, states: () => book.values(), confirmSince: () => since },
    { windowMs: 1_000, heartbeatMs: 5_000 },
  );
  return { clock, book, store, writer, setSince: (v: number | null) => (since = v) };
}

describe("snapshot writer", () => {
  it("coalesces many events per symbol into one write per window, latest value wins", async () => {
    const { clock, book, store, writer } = setup();
    for (let i = 0; i < 50; i++) quote(book, "SPX", 100 + i, 101 + i, clock.now());
    quote(book, ".OPT", 1, 1.1, clock.now());
    expect(await writer.flush()).toBe(2);
    expect(store.calls).toHaveLength(1);
    const spx = store.calls[0]!.find((s) => s.symbol === "SPX")!;
    expect(spx).toMatchObject({ bid: 149, ask: 150, mid: 149.5, writtenAt: clock.now() });
  });

  it("skips unchanged snapshots until the heartbeat re-confirms them", async () => {
    const { clock, book, store, writer } = setup();
    quote(book, "SPX", 1, 2, clock.now());
    await writer.flush();
    clock.advance(1_000);
    quote(book, "SPX", 1, 2, clock.now()); // same values again
    expect(await writer.flush()).toBe(0);
    clock.advance(4_000);
    expect(await writer.flush()).toBe(1);
    expect(writer.stats()).toMatchObject({ writes: 1, heartbeats: 1 });
    expect((await store.get("SPX", { maxAgeMs: 0 }))!.writtenAt).toBe(clock.now());
  });

  it("does not re-confirm while the stream is unhealthy, or data from before the current session", async () => {
    const { clock, book, writer, setSince } = setup();
    quote(book, "SPX", 1, 2, clock.now());
    await writer.flush();
    clock.advance(10_000);
    setSince(null);
    expect(await writer.flush()).toBe(0);
    setSince(clock.now() - 1); // reconnected after SPX's last event
    expect(await writer.flush()).toBe(0);
  });

  it("keeps only the latest state while the store is down and writes it when it returns", async () => {
    const { clock, book, store, writer } = setup();
    store.failing = true;
    for (let i = 0; i < 20; i++) {
      quote(book, "SPX", i, i + 1, clock.now());
      quote(book, `.S${i % 3}`, i, i + 1, clock.now());
      await writer.flush();
      clock.advance(1_000);
    }
    expect(writer.stats()).toMatchObject({ writes: 0, pending: 4 });
    store.failing = false;
    expect(await writer.flush()).toBe(4);
    expect(store.calls.flat().find((s) => s.symbol === "SPX")).toMatchObject({ bid: 19, ask: 20 });
    expect(writer.stats().pending).toBe(0);
  });

  it("forgets symbols the book dropped", async () => {
    const { clock, book, store, writer } = setup();
    quote(book, ".GONE", 1, 2, clock.now());
    await writer.flush();
    book.delete(".GONE");
    clock.advance(10_000);
    expect(await writer.flush()).toBe(0);
    expect(store.calls).toHaveLength(1);
  });
});

describe("market book unsubscribe", () => {
  it("drops late events of an unsubscribed symbol until it is subscribed again", () => {
    const book = new MarketBook();
    quote(book, ".OPT", 1, 2, 10);
    book.delete(".OPT");
    expect(book.get(".OPT")).toBeUndefined();
    quote(book, ".OPT", 3, 4, 20); // still in flight
    expect(book.get(".OPT")).toBeUndefined();
    book.revive(".OPT");
    quote(book, ".OPT", 5, 6, 30);
    expect(book.get(".OPT")).toMatchObject({ bid: 5, ask: 6, updatedAt: 30 });
  });
});
