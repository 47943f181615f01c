import { existsSync, mkdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { spawn } from "node:child_process";
import { tempDirs } from "../../support/temp-dirs";
import { mountTmpfs } from "../../support/tmpfs";
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

describe("state folder lock under faults", { timeout: 30_000 }, () => {
  it("a lock whose write failed (disk full) is removed, and the folder is usable once space is free", async () => {
    const fs = mountTmpfs(64);
    try {
      const dir = join(fs.dir, "state");
      mkdirSync(dir);
      fs.fill();
      const err = await lockStateDir(dir, { owner: "a", waitMs: 500 }).catch((e: unknown) => e);
      expect((err as NodeJS.ErrnoException).code).toBe("ENOSPC");
      expect(existsSync(join(dir, "engine.lock"))).toBe(false);
      fs.free();
      const got = await lockStateDir(dir, { owner: "b", waitMs: 500 });
      expect(got.kind).toBe("owner");
      if (got.kind === "owner") got.release();
    } finally {
      fs.unmount();
    }
  });

  it("an empty or unparsable lock older than a few seconds is stale; a fresh one is waited for", async () => {
    const dir = fresh();
    const lock = join(dir, "engine.lock");
    writeFileSync(lock, "");
    const young = await lockStateDir(dir, { owner: "a", waitMs: 300, pollMs: 20 }).catch((e: unknown) => e);
    expect(young).toBeInstanceOf(StateLockedError);
    expect((young as Error).message).toContain("the lock file names no holder");
    for (const content of ["", "{not json"]) {
      writeFileSync(lock, content);
      const old = new Date(Date.now() - 10_000);
      utimesSync(lock, old, old);
      const got = await lockStateDir(dir, { owner: "b", waitMs: 300, pollMs: 20 });
      expect(got.kind).toBe("owner");
      if (got.kind === "owner") got.release();
    }
  });

  it("waiters take the lock in the order they arrived and say how long they waited", async () => {
    const dir = fresh();
    const first = await lockStateDir(dir, { owner: "first" });
    const order: string[] = [];
    const waiters = [];
    // Later arrivals poll faster: without a queue they would overtake the earlier ones.
    for (const [name, pollMs] of [
      ["b", 80],
      ["c", 40],
      ["d", 20],
      ["e", 5],
    ] as const) {
      waiters.push(
        lockStateDir(dir, { owner: name, pollMs, waitMs: 5_000 }).then((got) => {
          order.push(name);
          if (got.kind === "owner") setTimeout(() => got.release(), 30);
          return got;
        }),
      );
      await new Promise((r) => setTimeout(r, 30));
    }
    if (first.kind === "owner") first.release();
    const got = await Promise.all(waiters);
    expect(order).toEqual(["b", "c", "d", "e"]);
    const waited = got.map((g) => (g.kind === "owner" ? g.waitedMs : -1));
    expect(waited.every((w) => w > 0)).toBe(true);
  });

  it("the wait budget counts only time without progress: a queue that keeps moving is waited out", async () => {
    const dir = fresh();
    const others = Array.from({ length: 5 }, otherProcess);
    const lock = join(dir, "engine.lock");
    writeFileSync(lock, JSON.stringify({ pid: others[0]!.pid, owner: "h0" }));
    const waiter = lockStateDir(dir, { owner: "last", waitMs: 2_000, pollMs: 10 });
    // Five holders in turn, 800 ms each: 4 s in all, far past the 2 s budget.
    for (const other of others) {
      writeFileSync(lock, JSON.stringify({ pid: other.pid, owner: "another" }));
      await new Promise((r) => setTimeout(r, 800));
    }
    rmSync(lock);
    others.forEach((o) => o.kill());
    const got = await waiter;
    expect(got.kind).toBe("owner");
    if (got.kind === "owner") {
      expect(got.waitedMs).toBeGreaterThan(3_500);
      got.release();
    }
  }, 30_000);
});
