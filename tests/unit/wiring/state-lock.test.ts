import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { spawn } from "node:child_process";
import { tempDirs } from "../../support/temp-dirs";
import { afterAll, describe, expect, it } from "vitest";
import { lockStateDir, StateLockedError, writeLocalStack } from "@stratdeck/core/wiring";

const { fresh, cleanup } = tempDirs("stratdeck-lock-");
afterAll(cleanup);

/** A pid that surely exists but is not ours: a sleeping child. */
function otherProcess(): { pid: number; kill(): void } {
  const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "ignore" });
  return { pid: child.pid!, kill: () => child.kill("SIGKILL") };
}

describe("state folder lock", () => {
  it("is exclusive: a second taker waits, reports the holder once, and times out naming it", async () => {
    const dir = fresh();
    const other = otherProcess();
    try {
      writeFileSync(join(dir, "engine.lock"), JSON.stringify({ pid: other.pid, owner: "enter-auto" }));
      const waits: number[] = [];
      const err = await lockStateDir(dir, {
        owner: "positions",
        waitMs: 300,
        pollMs: 20,
        onWait: (h) => waits.push(h.pid),
      }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StateLockedError);
      expect((err as Error).message).toContain(`pid ${other.pid} (stratdeck enter-auto)`);
      expect(waits).toEqual([other.pid]);
    } finally {
      other.kill();
    }
  });

  it("is taken once the holder releases it, and is readable by its owner only", async () => {
    const dir = fresh();
    const first = await lockStateDir(dir, { owner: "a" });
    expect(first.kind).toBe("owner");
    expect(statSync(join(dir, "engine.lock")).mode & 0o077).toBe(0);
    const second = lockStateDir(dir, { owner: "b", pollMs: 10, waitMs: 5_000 });
    await new Promise((r) => setTimeout(r, 50));
    if (first.kind === "owner") first.release();
    const got = await second;
    expect(got.kind).toBe("owner");
    expect(JSON.parse(readFileSync(join(dir, "engine.lock"), "utf8"))).toMatchObject({ owner: "b" });
    if (got.kind === "owner") got.release();
  });

  it("clears a lock whose process is gone", async () => {
    const dir = fresh();
    const gone = otherProcess();
    gone.kill();
    await new Promise((r) => setTimeout(r, 100));
    writeFileSync(join(dir, "engine.lock"), JSON.stringify({ pid: gone.pid, owner: "crashed" }));
    const got = await lockStateDir(dir, { owner: "next", waitMs: 500 });
    expect(got.kind).toBe("owner");
    if (got.kind === "owner") got.release();
  });

  it("joins a stack that starts while waiting; stack.json is readable by its owner only", async () => {
    const dir = fresh();
    const other = otherProcess();
    try {
      writeFileSync(join(dir, "engine.lock"), JSON.stringify({ pid: other.pid, owner: "stack" }));
      const waiting = lockStateDir(dir, { owner: "positions", pollMs: 10, waitMs: 5_000 });
      writeLocalStack(dir, { pid: other.pid, dynamoEndpoint: "http://127.0.0.1:1", startedAt: 0 });
      const got = await waiting;
      expect(got.kind).toBe("stack");
      expect(statSync(join(dir, "stack.json")).mode & 0o077).toBe(0);
    } finally {
      other.kill();
    }
  });
});
