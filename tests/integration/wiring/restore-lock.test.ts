import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { validateConfig } from "@stratdeck/core/config";
import { silentLog } from "@stratdeck/core/log";
import { lockStateDir, resolveStorage, StateLockedError } from "@stratdeck/core/wiring";

describe("work on the state folder before the store opens (restore) holds the folder's lock", () => {
  const stateDir = mkdtempSync(join(tmpdir(), "stratdeck-before-open-"));
  afterAll(() => rmSync(stateDir, { recursive: true, force: true }));

  it("beforeOpen runs under this process's lock, before the engine starts, and no other command gets in", async () => {
    const env = validateConfig({ STRATDECK_STATE_DIR: stateDir });
    if (!env.ok) throw new Error("config");
    mkdirSync(join(stateDir, "dynamodb"), { recursive: true });
    writeFileSync(join(stateDir, "dynamodb", "CURRENT"), "MANIFEST-000001\n");
    const steps: string[] = [];
    const storage = await resolveStorage(env.config, {
      log: silentLog,
      owner: "restore",
      beforeOpen: async (dir) => {
        const lock = JSON.parse(readFileSync(join(dir, "engine.lock"), "utf8")) as {
          pid: number;
          owner: string;
        };
        steps.push(`before-open by ${lock.owner} ${lock.pid === process.pid ? "(me)" : "(other)"}`);
        // Another command trying to open the folder now waits and gives up: nothing in between.
        const other = await lockStateDir(dir, { owner: "command", waitMs: 300, pollMs: 20 }).catch(
          (err: unknown) => err,
        );
        steps.push(other instanceof StateLockedError ? "other command kept out" : "other command got in");
        rmSync(join(dir, "dynamodb"), { recursive: true });
      },
      embeddedEngine: (o) => {
        steps.push(`engine on ${existsSync(o.path ?? "") ? "the old store" : "a fresh folder"}`);
        return Promise.resolve({
          kind: "dynalite",
          endpoint: "http://127.0.0.1:9",
          stop: () => Promise.resolve(),
        });
      },
    });
    await storage.release();
    expect(steps).toEqual([
      "before-open by restore (me)",
      "other command kept out",
      "engine on a fresh folder",
    ]);
    expect(existsSync(join(stateDir, "engine.lock"))).toBe(false);
  });
});
