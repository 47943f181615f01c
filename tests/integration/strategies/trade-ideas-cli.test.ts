import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "@stratdeck/sim";
import { IdeasReportSchema } from "@stratdeck/core/strategies";
import { engineTargets } from "../../support/engines";
import { DEFAULT_YAML } from "../../unit/strategies/fixtures";

const run = promisify(execFile);
const CLI = "packages/cli/bin/stratdeck.mjs";

describe("stratdeck trade-ideas --json against the simulator", () => {
  let sim: RunningSimulator;
  let env: Record<string, string>;
  beforeAll(async () => {
    sim = await startSimulator({ seed: 11 });
    env = {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      STRATDECK_LOG_LEVEL: "ERROR",
      STRATDECK_STATE_DIR: mkdtempSync(join(tmpdir(), "ideas-cli-")),
      STRATDECK_TABLE_PREFIX: `ideas${process.pid}`,
      AWS_ENDPOINT_URL_DYNAMODB: engineTargets()[0]!.endpoint!,
      AWS_ACCESS_KEY_ID: "local",
      AWS_SECRET_ACCESS_KEY: "local",
      TASTY_API_URL: sim.restUrl,
    };
  });
  afterAll(async () => {
    await sim?.stop();
  });

  const cli = async (args: string[], extra: Record<string, string> = {}) => {
    const { stdout } = await run(process.execPath, [CLI, "trade-ideas", "--json", ...args], {
      env: { ...env, ...extra },
      timeout: 60_000,
    });
    // The CLI's JSON writes every instant as ISO 8601 (README, one contract); back to epoch ms for
    // the core schema, refusing any instant in another form.
    const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
    const instants: string[] = [];
    const parsed = JSON.parse(stdout, (key, value: unknown) => {
      if (!/(?:At|^asOf|Time)$/.test(key) || value === null) return value;
      expect(value, key).toMatch(ISO);
      instants.push(key);
      return Date.parse(value as string);
    }) as unknown;
    expect(instants).toContain("generatedAt");
    return IdeasReportSchema.parse(parsed);
  };

  it("prints ranked ideas in the documented JSON shape; STRATDECK_STRICT_FILTERS=1 moves failures to rejected", async () => {
    const loose = await cli(["--underlying", "SPX"]);
    expect(loose.considered).toBe(3);
    expect(loose.ideas.length + loose.unbuilt.length).toBe(3);
    expect(loose.ideas.length).toBeGreaterThan(0);
    expect(loose.ideas.map((i) => i.score)).toEqual(
      [...loose.ideas.map((i) => i.score)].sort((a, b) => b - a),
    );

    const tight = join(env.STRATDECK_STATE_DIR!, "tight.yaml");
    writeFileSync(tight, DEFAULT_YAML.replace("min_credit_per_width: 0.15", "min_credit_per_width: 0.9"));
    const strict = await cli(["--underlying", "SPX", "--strategy", "short_put_spread_index_45d"], {
      STRATDECK_STRICT_FILTERS: "1",
      STRATDECK_STRATEGIES_FILE: tight,
    });
    expect(strict).toMatchObject({ strictFilters: true, considered: 1, ideas: [] });
    expect(strict.rejected).toHaveLength(1);
    expect(strict.rejected[0]).toMatchObject({ verdict: "rejected", tradable: false });
    expect(strict.rejected[0]!.reasons[0]).toMatch(/^min_credit_per_width: credit\/width 0\.\d+ < min 0\.9$/);
  });

  it("names what each model figure measures: fill cost vs model, and EV with POP under the stated real-world premium", async () => {
    const report = await cli(["--underlying", "SPX"]);
    for (const i of report.ideas) {
      expect(i.fillCostCents).toBeLessThan(0);
      expect(i.realWorld).toMatchObject({ volRiskPremium: 0.04 });
      expect(i.realWorld!.basis).toContain("4.0 points");
    }
    const { stdout } = await run(process.execPath, [CLI, "trade-ideas", "--underlying", "SPX"], {
      env,
      timeout: 60_000,
    });
    expect(stdout).toMatch(/POP \d+\.\d% \(risk-neutral\)/);
    expect(stdout).toMatch(/fill cost vs model -\$\d+\.\d{2} \(the bid\/ask spread crossed/);
    expect(stdout).toMatch(
      /real world \(IV − 4\.0 vol points\): expected P&L -?\$\d+\.\d{2} held to expiry after fees, POP \d+\.\d%/,
    );
  });
});
