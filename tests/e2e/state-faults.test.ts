import {
  cpSync,
  readdirSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
  openSync,
  writeSync,
  closeSync,
} from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, spawnCli, type CliRun } from "../support/cli-process";
import { tempDirs } from "../support/temp-dirs";
import { mountTmpfs, type Tmpfs } from "../support/tmpfs";

const { fresh, cleanup } = tempDirs("stratdeck-faults-");
afterAll(cleanup);

interface ErrorDoc {
  code: string;
  folder: string;
  problem: string;
  recovery: string;
  message: string;
}

/** The one JSON document a failed `--json` run printed. */
function errorDoc(r: CliRun): ErrorDoc {
  expect(r.code, r.stderr.slice(-1500)).toBe(1);
  expect(r.stderr).not.toMatch(/^\s+at /m);
  return (JSON.parse(r.stdout) as { error: ErrorDoc }).error;
}

async function positionIds(stateDir: string): Promise<string[]> {
  const r = await runCli(["positions", "--json"], { STRATDECK_STATE_DIR: stateDir });
  expect(r.code, r.stdout.slice(0, 1500) + r.stderr.slice(-1500)).toBe(0);
  return (JSON.parse(r.stdout) as { positions: Array<{ positionId: string }> }).positions
    .map((p) => p.positionId)
    .sort();
}

/** Every file of the store folder with its bytes. */
function snapshot(store: string): Map<string, Buffer> {
  return new Map(readdirSync(store).map((f) => [f, readFileSync(join(store, f))]));
}

describe("a damaged state store is refused, never opened over (real CLI processes)", () => {
  let base = "";
  let ids: string[] = [];
  beforeAll(async () => {
    base = fresh();
    const entered = await runCli(["enter-auto", "--json"], { STRATDECK_STATE_DIR: base });
    expect(entered.code, entered.stdout.slice(0, 1500) + entered.stderr.slice(-1500)).toBe(0);
    // A second run flushes the write-ahead log into a table file (.ldb).
    ids = await positionIds(base);
    expect(ids.length).toBeGreaterThan(0);
    expect(readdirSync(join(base, "dynamodb")).some((f) => f.endsWith(".ldb"))).toBe(true);
  }, 300_000);

  /** A copy of the populated state folder. */
  function copy(): { dir: string; store: string } {
    const dir = fresh();
    cpSync(base, dir, { recursive: true });
    return { dir, store: join(dir, "dynamodb") };
  }

  it("CURRENT removed: refused with one JSON error, nothing deleted; with CURRENT back the data is all there", async () => {
    const { dir, store } = copy();
    const current = readFileSync(join(store, "CURRENT"));
    rmSync(join(store, "CURRENT"));
    const before = snapshot(store);
    const err = errorDoc(await runCli(["positions", "--json"], { STRATDECK_STATE_DIR: dir }));
    expect(err.code).toBe("state-damaged");
    expect(err.folder).toBe(store);
    expect(err.problem).toContain("CURRENT is missing");
    expect(err.recovery).toContain("Nothing was opened or changed");
    expect(snapshot(store)).toEqual(before);
    writeFileSync(join(store, "CURRENT"), current);
    expect(await positionIds(dir)).toEqual(ids);
  }, 300_000);

  it("a damaged table file (.ldb) is refused, naming the folder and the file", async () => {
    const { dir, store } = copy();
    const ldb = readdirSync(store).find((f) => f.endsWith(".ldb"))!;
    const fd = openSync(join(store, ldb), "r+");
    writeSync(fd, Buffer.alloc(64, 0xff), 0, 64, 200);
    closeSync(fd);
    const text = await runCli(["history"], { STRATDECK_STATE_DIR: dir });
    expect(text.code).toBe(1);
    expect(text.stderr).toContain(`stratdeck: ${store}: the state store is damaged: ${ldb} is damaged`);
    const err = errorDoc(await runCli(["history", "--json"], { STRATDECK_STATE_DIR: dir }));
    expect(err.folder).toBe(store);
    expect(err.problem).toContain(`${ldb} is damaged: block at byte`);
  }, 300_000);

  it("a truncated MANIFEST is refused, naming the folder and the MANIFEST", async () => {
    const { dir, store } = copy();
    const manifest = readdirSync(store).find((f) => f.startsWith("MANIFEST-"))!;
    const size = readFileSync(join(store, manifest)).length;
    truncateSync(join(store, manifest), Math.floor(size / 2));
    const before = snapshot(store);
    const err = errorDoc(await runCli(["positions", "--json"], { STRATDECK_STATE_DIR: dir }));
    expect(err.code).toBe("state-damaged");
    expect(err.folder).toBe(store);
    expect(err.problem).toContain(`${manifest} is truncated`);
    expect(snapshot(store)).toEqual(before);
  }, 300_000);
});

describe("a full disk during a run (tmpfs)", () => {
  let fs: Tmpfs;
  beforeAll(() => {
    fs = mountTmpfs(4096);
  });
  afterAll(() => fs.unmount());

  it("the failed write is one JSON error; after freeing space the next command works and the data is intact", async () => {
    const dir = join(fs.dir, "state");
    const env = { STRATDECK_STATE_DIR: dir };
    const entered = await runCli(["enter-auto", "--json"], env);
    expect(entered.code, entered.stdout.slice(0, 1500) + entered.stderr.slice(-1500)).toBe(0);
    const ids = await positionIds(dir);
    // The disk fills once the command has opened the store, before it writes its entries.
    const run = spawnCli(["enter-auto", "--slot", "2030-01-07T10:00", "--json"], env);
    await new Promise<void>((resolve) => {
      const check = (d: Buffer): void => {
        if (!d.toString().includes('"sim.start"')) return;
        run.child.stderr?.off("data", check);
        fs.fill();
        resolve();
      };
      run.child.stderr?.on("data", check);
    });
    const err = errorDoc(await run.done);
    expect(err.code).toBe("state-io-error");
    expect(err.folder).toBe(join(dir, "dynamodb"));
    expect(err.problem).toMatch(/LEVEL_IO_ERROR.*No space left on device/);
    expect(err.recovery).toContain("free space");
    expect(readdirSync(dir)).not.toContain("engine.lock");

    fs.free();
    expect(await positionIds(dir)).toEqual(ids);
  }, 240_000);
});

describe("a read-only state folder (tmpfs remounted read-only)", () => {
  let fs: Tmpfs;
  beforeAll(() => {
    fs = mountTmpfs(4096);
  });
  afterAll(() => fs.unmount());

  it("commands that write exit 2 naming the folder; positions and history still read it", async () => {
    const dir = join(fs.dir, "state");
    const env = { STRATDECK_STATE_DIR: dir };
    const entered = await runCli(["enter-auto", "--json"], env);
    expect(entered.code, entered.stdout.slice(0, 1500) + entered.stderr.slice(-1500)).toBe(0);
    const ids = await positionIds(dir);
    const history = await runCli(["history", "--json"], env);
    fs.remount("ro");

    for (const args of [["enter-auto"], ["check-exits"], ["close", ids[0] ?? "x"]]) {
      const r = await runCli([...args, "--json"], env);
      expect(r.code, `${args[0]}: ${r.stdout}${r.stderr.slice(-800)}`).toBe(2);
      const err = (JSON.parse(r.stdout) as { error: ErrorDoc }).error;
      expect(err.code).toBe("state-unwritable");
      expect(err.folder).toBe(dir);
      expect(err.problem).toContain("EROFS");
    }
    expect(await positionIds(dir)).toEqual(ids);
    const again = await runCli(["history", "--json"], env);
    expect(again.code, again.stderr.slice(-800)).toBe(0);
    expect(again.stdout).toBe(history.stdout);
    expect(again.stderr).toContain('"message":"state.read-only"');

    // Damage on a read-only folder is named as the folder's own, not as the temporary copy's.
    fs.remount("rw");
    const store = join(dir, "dynamodb");
    const current = readFileSync(join(store, "CURRENT"));
    rmSync(join(store, "CURRENT"));
    fs.remount("ro");
    const damaged = errorDoc(await runCli(["history", "--json"], env));
    expect(damaged.code).toBe("state-damaged");
    expect(damaged.folder).toBe(store);
    expect(damaged.problem).toContain("CURRENT is missing");
    expect(`${damaged.problem} ${damaged.recovery}`).not.toContain("stratdeck-read-only-");
    fs.remount("rw");
    writeFileSync(join(store, "CURRENT"), current);
  }, 300_000);
});
