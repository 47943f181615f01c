import { readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { join } from "node:path";
import { tempDirs } from "../support/temp-dirs";
import { afterAll, describe, expect, it } from "vitest";
import { validateConfig } from "@stratdeck/core/config";
import { silentLog } from "@stratdeck/core/log";
import { startLocalStack } from "../../packages/cli/src/local/local-stack";
import { runCli } from "../support/cli-process";

const { fresh, cleanup } = tempDirs("stratdeck-exit-");
afterAll(cleanup);

/** A port held by another listener for the test. */
async function busyPort(): Promise<{ port: number; server: Server }> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { port: (server.address() as { port: number }).port, server };
}

describe("CLI exit codes: 0 ok, 1 failure, 2 bad configuration, 3 refused by the guard", () => {
  it("start validates its options before starting anything (exit 2, naming the option)", async () => {
    const env = { STRATDECK_STATE_DIR: fresh() };
    const seed = await runCli(["start", "--seed", "foo"], env);
    expect(seed.code).toBe(2);
    expect(seed.stderr).toContain("--seed must be a whole number between 0 and");
    const hours = await runCli(["start", "--market-hours", "bogus"], env);
    expect(hours.code).toBe(2);
    expect(hours.stderr).toContain('--market-hours must be one of sim, nyse, got "bogus"');
    const port = await runCli(["start", "--port", "70000"], env);
    expect(port.code).toBe(2);
    expect(port.stderr).toContain("--port must be a whole number between 0 and 65535");
  }, 60_000);

  it("backtest and day options are bad configuration too (exit 2, naming the option)", async () => {
    const env = { STRATDECK_STATE_DIR: fresh() };
    const replay = await runCli(
      ["backtest", "--from", "2025-01-02", "--to", "2025-01-10", "--replay", " "],
      env,
    );
    expect(replay.code).toBe(2);
    expect(replay.stderr).toContain("--replay needs a file path");
    const range = await runCli(["backtest", "--from", "2025-02-01", "--to", "2025-01-10"], env);
    expect(range.code).toBe(2);
    expect(range.stderr).toContain("is before --from");
    const day = await runCli(["day", "--seed", "x"], env);
    expect(day.code).toBe(2);
    expect(day.stderr).toContain("--seed must be an integer");
  }, 60_000);

  it("config checks what start needs and prints the effective configuration", async () => {
    const dir = fresh();
    const ok = await runCli(["config"], { STRATDECK_STATE_DIR: dir, STRATDECK_API_PORT: "0" });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("configuration OK");
    expect(ok.stdout).toMatch(/storage\s+local/);
    expect(ok.stdout).toMatch(/streamWindowMs\s+5000/);

    const range = await runCli(["config"], { STRATDECK_API_PORT: "99999" });
    expect(range.code).toBe(2);
    expect(range.stdout).toContain("STRATDECK_API_PORT must be a port between 0 and 65535");

    const missing = await runCli(["config", "--json"], {
      STRATDECK_STATE_DIR: dir,
      STRATDECK_API_PORT: "0",
      STRATDECK_STRATEGIES_FILE: join(dir, "nope.yaml"),
    });
    expect(missing.code).toBe(2);
    const body = JSON.parse(missing.stdout) as { ok: boolean; issues: Array<{ variable: string }> };
    expect(body.ok).toBe(false);
    expect(body.issues.map((i) => i.variable)).toEqual(["STRATDECK_STRATEGIES_FILE"]);

    const busy = await busyPort();
    try {
      const inUse = await runCli(["config"], {
        STRATDECK_STATE_DIR: dir,
        STRATDECK_API_PORT: String(busy.port),
      });
      expect(inUse.code).toBe(2);
      expect(inUse.stdout).toContain(
        `port ${busy.port} on 127.0.0.1 is in use: set STRATDECK_API_PORT or pass --port`,
      );
    } finally {
      busy.server.close();
    }
  }, 60_000);

  it("a strategies file written before exit rules per strategy is exit 2 naming the field, its line and the fix", async () => {
    const dir = fresh();
    const shipped = readFileSync(join(import.meta.dirname, "../../strategies.yaml"), "utf8");
    // The file as shipped before `exits:` existed: the condor enters from 21 DTE, no exit rules.
    const old = shipped
      .replace(/\n {2}exits:\n(?: {4}.*\n| *#.*\n)+/, "\n")
      .replace(/\n {4}# A ~30-day trade[^\n]*\n {4}exits:\n {6}dte: 7\n?/, "\n");
    expect(old).not.toContain("exits:");
    const file = join(dir, "strategies.yaml");
    writeFileSync(file, old);
    const env = { STRATDECK_STATE_DIR: dir, STRATDECK_STRATEGIES_FILE: file };
    const run = await runCli(["backtest", "--from", "2025-01-02", "--to", "2025-01-03", "--json"], env);
    expect(run.code).toBe(2);
    const body = JSON.parse(run.stdout) as {
      error: { code: string; message: string; issues: Array<{ path: string; line: number }> };
    };
    expect(body.error.code).toBe("invalid-configuration");
    expect(body.error.message).toContain(file);
    expect(body.error.message).toContain("exits.dte is not set for iron_condor_index_30d");
    expect(body.error.issues).toEqual([
      expect.objectContaining({
        path: "strategies.iron_condor_index_30d.dte.min",
        line: old.split("\n").indexOf("      min: 21") + 1,
      }),
    ]);
  }, 60_000);

  it("--confirm-live without STRATDECK_LIVE_ARMED=YES is refused by the guard with exit 3; armed, it places (exit 0)", async () => {
    const refused = await runCli(["enter-auto", "--confirm-live", "--ephemeral"], {
      STRATDECK_STATE_DIR: fresh(),
      STRATDECK_TRADING_MODE: "live",
      STRATDECK_LIVE_ARMED: "NO",
    });
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('"message":"guard.refused"');
    expect(refused.stderr).not.toContain("live.order.placed");
    // Paper mode too: a confirmation without arming is refused, never taken for a paper trade.
    const paper = await runCli(["enter-auto", "--confirm-live", "--ephemeral"], {
      STRATDECK_STATE_DIR: fresh(),
    });
    expect(paper.code).toBe(3);
    expect(paper.stderr).toContain('"message":"guard.refused"');
    expect(paper.stderr).not.toContain("paper.entry");
    const armed = await runCli(["enter-auto", "--confirm-live", "--ephemeral", "--json"], {
      STRATDECK_STATE_DIR: fresh(),
      STRATDECK_TRADING_MODE: "live",
      STRATDECK_LIVE_ARMED: "YES",
      STRATDECK_LIVE_CANCEL_AFTER_S: "1",
      STRATDECK_LIVE_POLL_MS: "100",
      STRATDECK_LIVE_WALK_STEPS: "1",
    });
    expect(armed.code).toBe(0);
    expect((JSON.parse(armed.stdout) as { decision: unknown }).decision).toEqual({ mode: "live-confirmed" });
    expect(armed.stderr).toContain('"message":"live.order.placed"');
    // Three whole CLI runs, the last following real orders to their end: 80 s seen alone on a busy machine.
  }, 240_000);

  it("a second start on the same folder is refused in one line; a port in use names --port and STRATDECK_API_PORT", async () => {
    const dir = fresh();
    const env = validateConfig({ STRATDECK_STATE_DIR: dir });
    if (!env.ok) throw new Error("config");
    const stack = await startLocalStack({ config: env.config, log: silentLog, apiPort: 0 });
    try {
      const second = await runCli(["start", "--port", "0"], { STRATDECK_STATE_DIR: dir });
      expect(second.code).toBe(1);
      const lines = second.stderr
        .trim()
        .split("\n")
        .filter((l) => !l.startsWith("{"));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(
        /^stratdeck: a local stack already runs on .* \(pid \d+, API http:\/\/127\.0\.0\.1:\d+\)/,
      );
    } finally {
      await stack.stop();
    }
    const busy = await busyPort();
    try {
      const r = await runCli(["start", "--port", String(busy.port)], { STRATDECK_STATE_DIR: fresh() });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(
        `port ${busy.port} is already in use: pass --port <n> or set STRATDECK_API_PORT`,
      );
    } finally {
      busy.server.close();
    }
  }, 120_000);
});
