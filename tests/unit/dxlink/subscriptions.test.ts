import { describe, expect, it } from "vitest";
import { chunkSubscription, SubscriptionSet, type SubscriptionEntry } from "@stratdeck/core/dxlink";

const entries = (n: number, type: SubscriptionEntry["type"] = "Quote"): SubscriptionEntry[] =>
  Array.from({ length: n }, (_, i) => ({ type, symbol: `.SPXW261218P${5000 + i * 5}` }));

describe("FEED_SUBSCRIPTION chunking", () => {
  it("keeps every frame within the byte bound and loses no entry", () => {
    const add = entries(3000);
    const remove = entries(500, "Greeks");
    const frames = chunkSubscription(1, { reset: true, add, remove }, 4096);
    expect(frames.length).toBeGreaterThan(10);
    for (const f of frames) expect(Buffer.byteLength(JSON.stringify(f))).toBeLessThanOrEqual(4096);
    expect(frames.flatMap((f) => f.add ?? [])).toEqual(add);
    expect(frames.flatMap((f) => f.remove ?? [])).toEqual(remove);
  });

  it("sends reset only in the first frame, then removes, then adds", () => {
    const frames = chunkSubscription(
      1,
      { reset: true, add: entries(400), remove: entries(400, "Trade") },
      2048,
    );
    expect(frames[0]!.reset).toBe(true);
    expect(frames.slice(1).some((f) => f.reset)).toBe(false);
    const firstAdd = frames.findIndex((f) => f.add);
    expect(frames.slice(firstAdd + 1).some((f) => f.remove)).toBe(false);
  });

  it("sends a bare reset when the set is empty, and nothing for an empty change", () => {
    expect(chunkSubscription(1, { reset: true, add: [] })).toEqual([
      { type: "FEED_SUBSCRIPTION", channel: 1, reset: true },
    ]);
    expect(chunkSubscription(1, { add: [], remove: [] })).toEqual([]);
  });
});

describe("SubscriptionSet", () => {
  it("diffs a replacement into adds, removes and symbols left without subscription", () => {
    const s = new SubscriptionSet();
    s.add([
      { type: "Quote", symbol: "SPX" },
      { type: "Trade", symbol: "SPX" },
      { type: "Quote", symbol: ".A" },
    ]);
    const d = s.replace([
      { type: "Quote", symbol: "SPX" },
      { type: "Quote", symbol: ".B" },
    ]);
    expect(d.add).toEqual([{ type: "Quote", symbol: ".B" }]);
    expect(d.remove).toEqual([
      { type: "Trade", symbol: "SPX" },
      { type: "Quote", symbol: ".A" },
    ]);
    expect(d.droppedSymbols).toEqual([".A"]);
    expect([s.size, s.symbolCount]).toEqual([2, 2]);
  });
});
