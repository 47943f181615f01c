import { readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli, type CliRun } from "../support/cli-process";
import { tempDirs } from "../support/temp-dirs";

const { fresh, cleanup } = tempDirs("stratdeck-backup-");
afterAll(cleanup);

function ok(r: CliRun): string {
  expect(r.code, r.stdout.slice(0, 800) + r.stderr.slice(-1500)).toBe(0);
  return r.stdout;
}

describe("ledger backup and restore (real CLI processes)", () => {
  it("a backup restored into a damaged folder reproduces history --json byte for byte", async () => {
    const dir = fresh();
    const env = { STRATDECK_STATE_DIR: dir };
    ok(await runCli(["enter-auto", "--json"], env));
    // Every command that opened the store left the hourly automatic backup.
    expect(readdirSync(join(dir, "backups")).filter((f) => f.endsWith(".json"))).toHaveLength(1);
    const positions = JSON.parse(ok(await runCli(["positions", "--json"], env))) as {
      positions: Array<{ positionId: string }>;
    };
    const id = positions.positions[0]?.positionId ?? "";
    ok(await runCli(["close", id, "--json"], env));
    const before = ok(await runCli(["history", "--json"], env));
    expect((JSON.parse(before) as { trades: unknown[] }).trades).toHaveLength(1);

    const file = join(fresh(), "ledger.json");
    const backup = JSON.parse(ok(await runCli(["backup", file, "--json"], env))) as {
      file: string;
      items: { orders: number };
    };
    expect(backup.file).toBe(file);
    expect(backup.items.orders).toBeGreaterThan(0);
    const named = JSON.parse(ok(await runCli(["backup", "--json"], env))) as { file: string };
    expect(named.file.startsWith(join(dir, "backups", "ledger-"))).toBe(true);

    // The store loses CURRENT: refused, and the error points to the newest backup.
    rmSync(join(dir, "dynamodb", "CURRENT"));
    const refused = await runCli(["history", "--json"], env);
    expect(refused.code).toBe(1);
    const { error: err } = JSON.parse(refused.stdout) as {
      error: { code: string; backup: string; recovery: string };
    };
    expect(err.code).toMatch(/^state-/);
    expect(err.backup).toBe(named.file);
    expect(err.recovery).toContain(`stratdeck restore ${named.file}`);

    const restored = JSON.parse(ok(await runCli(["restore", file, "--json"], env))) as {
      items: number;
      movedAside: string;
    };
    expect(restored.items).toBeGreaterThan(0);
    expect(readdirSync(restored.movedAside).length).toBeGreaterThan(0);
    const after = ok(await runCli(["history", "--json"], env));
    expect(after).toBe(before);
  }, 600_000);

  it("restore refuses a file that is not a backup, naming it (exit 2 for a missing file)", async () => {
    const dir = fresh();
    const env = { STRATDECK_STATE_DIR: dir };
    const missing = await runCli(["restore", join(dir, "nope.json"), "--json"], env);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toContain("nope.json does not exist");
    const notBackup = await runCli(
      ["restore", join(import.meta.dirname, "..", "..", "package.json"), "--json"],
      env,
    );
    expect(notBackup.code).toBe(1);
    expect(notBackup.stdout).toContain("package.json is not a StratDeck ledger backup");
  }, 300_000);
});
