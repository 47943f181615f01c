import { readdirSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { spawnCli } from "../support/cli-process";
import { tempDirs } from "../support/temp-dirs";

const { fresh, cleanup } = tempDirs("stratdeck-queue-");
afterAll(cleanup);

/** The documented limit (README): a command gives up only after 60 s without the queue moving. */
const LIMIT_MS = 60_000;

describe("20 concurrent commands without a stack (real child processes)", () => {
  it("all finish in turn; none gives up while the queue moves, and each says how long it waited", async () => {
    const dir = fresh();
    const env = { STRATDECK_STATE_DIR: dir };
    const runs = await Promise.all(
      Array.from({ length: 20 }, () => spawnCli(["history", "--json"], env).done),
    );
    const failed = runs
      .filter((r) => r.code !== 0)
      .map((r) => r.stdout.slice(0, 400) || r.stderr.slice(-400));
    expect(failed).toEqual([]);
    for (const r of runs)
      expect((JSON.parse(r.stdout) as { totals: { trades: number } }).totals.trades).toBe(0);
    const waited = runs.flatMap((r) =>
      r.stderr
        .split("\n")
        .filter((l) => l.includes('"message":"state.lock-waited"'))
        .map((l) => JSON.parse(l) as { waitedMs: number; longestStallMs: number }),
    );
    // Most of them queued; every one that waited says for how long.
    expect(waited.length).toBeGreaterThanOrEqual(10);
    const waitLines = runs.filter((r) => r.stderr.includes('"message":"state.lock-wait"')).length;
    expect(waited.length).toBeGreaterThanOrEqual(waitLines);
    // On a loaded machine the whole queue takes minutes: far past the limit in total, never
    // past it while the queue moves.
    const longest = Math.max(...waited.map((w) => w.waitedMs));
    const stall = Math.max(...waited.map((w) => w.longestStallMs));
    console.log(
      `20 concurrent history runs: ${waited.length} waited, longest ${longest} ms in all, ${stall} ms without progress`,
    );
    expect(stall).toBeLessThan(LIMIT_MS);
    expect(readdirSync(dir)).not.toContain("engine.lock");
  }, 1_500_000);
});
