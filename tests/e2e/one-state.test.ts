import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli, spawnCli } from "../support/cli-process";

interface Positions {
  positions: Array<{ positionId: string }>;
}

async function waitForFile(path: string, timeoutMs: number): Promise<void> {
  for (let waited = 0; !existsSync(path); waited += 20) {
    if (waited > timeoutMs) throw new Error(`${path} never appeared`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("one state: CLI commands without a stack share the state folder (real child processes)", () => {
  const stateDir = mkdtempSync(join(tmpdir(), "stratdeck-one-state-"));
  const env = { STRATDECK_STATE_DIR: stateDir };
  afterAll(() => rmSync(stateDir, { recursive: true, force: true }));

  it("enter-auto, then positions, sees the entries; a second process meanwhile waits on the lock", async () => {
    const enter = spawnCli(["enter-auto", "--json"], env);
    // While enter-auto holds the folder, a second command starts: it must wait, not open the store.
    await waitForFile(join(stateDir, "engine.lock"), 30_000);
    const concurrent = spawnCli(["positions", "--json"], env);
    const [entered, during] = await Promise.all([enter.done, concurrent.done]);

    expect(entered.code, entered.stderr.slice(-2000)).toBe(0);
    const result = JSON.parse(entered.stdout) as {
      entered: number;
      outcomes: Array<{ positionId?: string }>;
    };
    expect(result.entered).toBeGreaterThan(0);
    const ids = result.outcomes.flatMap((o) => (o.positionId ? [o.positionId] : [])).sort();

    expect(during.code, during.stderr.slice(-2000)).toBe(0);
    expect(during.stderr).toContain('"message":"state.lock-wait"');
    const seenByConcurrent = JSON.parse(during.stdout) as Positions;
    expect(seenByConcurrent.positions.map((p) => p.positionId).sort()).toEqual(ids);

    const after = await runCli(["positions", "--json"], env);
    expect(after.code, after.stderr.slice(-2000)).toBe(0);
    expect((JSON.parse(after.stdout) as Positions).positions.map((p) => p.positionId).sort()).toEqual(ids);
    expect(readdirSync(stateDir)).not.toContain("engine.lock");
  }, 120_000);

  it("--ephemeral keeps nothing and says so", async () => {
    const r = await runCli(["positions", "--ephemeral"], env);
    expect(r.code, r.stderr.slice(-2000)).toBe(0);
    expect(r.stdout).toContain("no open positions");
    expect(r.stdout).toContain("EPHEMERAL");
    expect(r.stderr).toContain('"message":"state.ephemeral"');
  }, 60_000);
});
