import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { RecordedMarket } from "@stratdeck/sim/backtest";
import { openFrameRecorder, readFrameRecording } from "@stratdeck/core/stream";

const dir = mkdtempSync(join(tmpdir(), "stratdeck-rec-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const enc = new TextEncoder();

async function all(path: string) {
  const out = [];
  for await (const f of readFrameRecording(path)) out.push(f);
  return out;
}

describe("frame recordings", () => {
  it("round-trips frames with their receive times; a replay knows a quote only from the next minute mark", async () => {
    const path = join(dir, "ok.gz");
    const rec = openFrameRecorder(path);
    const t0 = Date.parse("2025-03-03T15:29:10Z");
    const quote = (bid: number) =>
      JSON.stringify({ type: "FEED_DATA", channel: 1, data: ["Quote", ["SPX", bid, bid + 0.5, 1, 1]] });
    rec.write(
      enc.encode(
        JSON.stringify({
          type: "FEED_CONFIG",
          channel: 1,
          dataFormat: "COMPACT",
          eventFields: { Quote: ["eventSymbol", "bidPrice", "askPrice", "bidSize", "askSize"] },
        }),
      ),
      t0,
    );
    rec.write(enc.encode(quote(6000)), t0 + 1_000);
    rec.write(enc.encode(quote(6010)), t0 + 55_000); // 15:30:05
    await rec.close();
    expect(rec.frames).toBe(3);
    const frames = await all(path);
    expect(frames.map((f) => f.t)).toEqual([t0, t0 + 1_000, t0 + 55_000]);
    expect(frames[1]?.f).toBe(quote(6000));

    const m = await RecordedMarket.load(path);
    const at = (iso: string) => m.spotAt("SPX", Date.parse(iso));
    expect(Number.isNaN(at("2025-03-03T15:29:50Z"))).toBe(true); // received, but not known before 15:30
    expect(at("2025-03-03T15:30:00Z")).toBe(6000.25);
    expect(m.stampAt("SPX", Date.parse("2025-03-03T15:30:30Z"))).toBe(t0 + 1_000);
    expect(at("2025-03-03T15:31:00Z")).toBe(6010.25);
  });

  it.each([
    ["not JSON", "garbage\n", /line 1 is not JSON/],
    ["not a frame", '{"t":1}\n{"x":2}\n', /line 1 is not a recorded frame/],
  ])("rejects a recording whose line is %s, naming the line", async (_name, text, message) => {
    const path = join(dir, "bad.gz");
    writeFileSync(path, gzipSync(text));
    await expect(all(path)).rejects.toThrow(message);
  });

  it("a file that is not gzip is an error naming it, and a reader stopped early leaves no stream behind", async () => {
    const plain = join(dir, "plain.gz");
    writeFileSync(plain, '{"t":1,"f":"[]"}\n');
    await expect(all(plain)).rejects.toThrow(/plain\.gz: not a readable gzip recording/);
    // Rewriting a file a stopped reader had open used to surface as an unhandled zlib error.
    const reused = join(dir, "reused.gz");
    for (let i = 0; i < 20; i++) {
      writeFileSync(reused, gzipSync(`garbage ${i}\n` + '{"t":1,"f":"[]"}\n'.repeat(5_000)));
      await expect(all(reused)).rejects.toThrow(/line 1 is not JSON/);
    }
  });

  it("names a missing file and refuses an empty recording", async () => {
    await expect(all(join(dir, "missing.gz"))).rejects.toThrow(/cannot read the recording .*missing\.gz/);
    const empty = join(dir, "empty.gz");
    writeFileSync(empty, gzipSync(""));
    await expect(RecordedMarket.load(empty)).rejects.toThrow(/holds no frames/);
  });
});
