import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli-process";
import { tempDirs } from "../support/temp-dirs";

const { fresh, cleanup } = tempDirs("stratdeck-logs-");
afterAll(cleanup);

describe("CLI logs: JSON lines for machines, short human lines for people, none with --quiet", () => {
  it("keeps stdout the command's output in every log format; stderr follows --log-format and --quiet", async () => {
    const env = { STRATDECK_STATE_DIR: fresh() };
    const json = await runCli(["positions", "--ephemeral"], env);
    const pretty = await runCli(["--log-format", "pretty", "positions", "--ephemeral"], env);
    const quiet = await runCli(["positions", "--ephemeral", "--quiet"], env);
    for (const r of [json, pretty, quiet]) {
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^EPHEMERAL: .*\nno open positions\n$/);
    }
    // Not a terminal: every stderr line is one JSON object, including the INFO ones.
    const jsonLines = json.stderr.trim().split("\n");
    expect(jsonLines.map((l) => (JSON.parse(l) as { message: string }).message)).toContain("state.ephemeral");
    // Pretty: WARN and above only, one short line each, no JSON.
    const prettyLines = pretty.stderr.trim().split("\n");
    expect(prettyLines.length).toBeGreaterThan(0);
    for (const l of prettyLines) expect(l).toMatch(/^(WARN|ERROR) +[a-z]/);
    expect(prettyLines.some((l) => l.startsWith("WARN  state.ephemeral detail="))).toBe(true);
    expect(quiet.stderr).toBe("");
  }, 120_000);
});
