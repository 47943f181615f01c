import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { COMMANDS } from "../../packages/cli/src/commands/index";
import { runCli, spawnCli, type CliRun } from "../support/cli-process";
import { tempDirs } from "../support/temp-dirs";

const { fresh, cleanup } = tempDirs("stratdeck-contract-");
afterAll(cleanup);

/** README's exit-code table: error code -> exit code. */
function readmeExitCodes(): Map<string, number> {
  const readme = readFileSync(join(import.meta.dirname, "..", "..", "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Exit codes"), readme.indexOf("## Commands"));
  const codes = new Map<string, number>();
  for (const row of section.matchAll(/^\| (\d) \|[^|]*\|([^\n]*)\|$/gm)) {
    for (const code of row[2]!.matchAll(/`([a-z-]+)`/g)) codes.set(code[1]!, Number(row[1]));
  }
  return codes;
}

const EXIT = readmeExitCodes();
/** Commands that run until stopped: their example is stopped after its first output. */
const LONG_RUNNING = new Set(["start", "sim"]);

/** The one JSON error shape, with the exit code README lists for its code. */
function expectError(r: CliRun, code: string): void {
  const body = JSON.parse(r.stdout) as Record<string, unknown>;
  expect(Object.keys(body)).toEqual(["error"]);
  const error = body.error as { code: unknown; message: unknown };
  expect(error.code).toBe(code);
  expect(typeof error.message).toBe("string");
  expect(EXIT.has(code), `README's exit-code table lists ${code}`).toBe(true);
  expect(r.code, `${code}: ${r.stderr.slice(-500)}`).toBe(EXIT.get(code));
}

/** Runs a long-running command until its first output, then stops it with SIGTERM. */
async function runUntilOutput(args: string[], env: Record<string, string>): Promise<CliRun> {
  const { child, done } = spawnCli(args, env);
  await new Promise<void>((resolve) => {
    child.stdout!.once("data", () => resolve());
    child.once("exit", () => resolve());
  });
  child.kill("SIGTERM");
  return done;
}

describe("CLI contract: exit codes and error shape as README lists them", () => {
  it("README's table gives every error code one exit code", () => {
    expect(EXIT.get("not-found")).toBe(4);
    expect(EXIT.get("unknown-option")).toBe(2);
    expect(EXIT.get("unknown-command")).toBe(2);
    expect(EXIT.get("unknown-strategy")).toBe(2);
    expect(EXIT.get("trading-refused")).toBe(3);
  });

  it("an unknown command, no command and an unknown program option are usage errors", async () => {
    expectError(await runCli(["nope", "--json"], {}), "unknown-command");
    const none = await runCli([], {});
    expect(none.code).toBe(EXIT.get("missing-command"));
    expect(none.stderr).toContain("Usage: stratdeck");
    expectError(await runCli(["--bogus", "positions", "--json"], {}), "unknown-option");
    expectError(await runCli(["--log-format", "xml", "positions", "--json"], {}), "invalid-option");
  }, 120_000);

  for (const entry of COMMANDS) {
    it(`${entry.name}: --help shows its examples; an unknown flag and a missing argument are usage errors`, async () => {
      // Its own state folder: a usage check that wrongly runs the command must not touch the checkout.
      const env = { STRATDECK_STATE_DIR: fresh() };
      const help = await runCli([entry.name, "--help"], env);
      expect(help.code).toBe(0);
      expect(help.stdout).toContain("Examples:");
      for (const e of entry.examples) expect(help.stdout).toContain(`$ stratdeck ${e.args}`);
      expectError(await runCli([entry.name, "--no-such-flag", "--json"], env), "unknown-option");
      if (entry.args?.startsWith("<")) {
        expectError(await runCli([entry.name, "--json"], env), "missing-argument");
      }
      // One word past what the command takes (an optional argument takes one).
      const extra = entry.args ? ["one-word", "extra-word"] : ["extra-word"];
      expectError(await runCli([entry.name, ...extra, "--json"], env), "too-many-arguments");
    }, 120_000);

    for (const example of entry.examples) {
      it(`example: stratdeck ${example.args} (${example.error ?? "exit 0"})`, async () => {
        const args = example.args.split(" ");
        const env = { STRATDECK_STATE_DIR: fresh(), STRATDECK_API_PORT: "0" };
        const r = LONG_RUNNING.has(entry.name) ? await runUntilOutput(args, env) : await runCli(args, env);
        if (example.error) expectError(r, example.error);
        else expect(r.code, r.stderr.slice(-2000)).toBe(0);
        if (args.includes("--json")) expect(() => JSON.parse(r.stdout) as unknown).not.toThrow();
      }, 300_000);
    }
  }

  it("bad option values name the option, with the code README lists", async () => {
    const env = { STRATDECK_STATE_DIR: fresh() };
    expectError(await runCli(["start", "--seed", "foo", "--json"], env), "invalid-option");
    expectError(await runCli(["day", "--seed", "x", "--json"], env), "invalid-option");
    expectError(await runCli(["history", "--limit", "0", "--json"], env), "invalid-option");
    expectError(
      await runCli(["backtest", "--from", "2025-02-01", "--to", "2025-01-10", "--json"], env),
      "invalid-option",
    );
    for (const cmd of ["trade-ideas", "enter-auto", "day", "backtest"]) {
      const range = cmd === "backtest" ? ["--from", "2025-01-02", "--to", "2025-01-03"] : [];
      const r = await runCli([cmd, ...range, "--strategy", "wheel", "--json"], env);
      expectError(r, "unknown-strategy");
      const known = (JSON.parse(r.stdout) as { error: { known: string[] } }).error.known;
      expect(known).toContain("iron_condor_index_30d");
    }
  }, 300_000);

  it("a position id that names nothing is not-found, in text too", async () => {
    const env = { STRATDECK_STATE_DIR: fresh() };
    const text = await runCli(["close", "pos_nope"], env);
    expect(text.code).toBe(EXIT.get("not-found"));
    expect(text.stdout).toBe("");
    expect(text.stderr).toContain("stratdeck: no position pos_nope\n");
  }, 120_000);
});
