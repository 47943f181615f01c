import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  compileStrategiesYaml,
  loadStrategiesFile,
  loadStrategiesJson,
  parseStrategiesYaml,
  StrategiesConfigError,
} from "@stratdeck/core/strategies";
import { DEFAULT_YAML } from "./fixtures";

describe("strategies compiled to JSON for Lambda", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "stratdeck-strategies-json-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("the compiled JSON loads to the same config as the YAML, through either loader", async () => {
    const file = path.join(dir, "strategies.json");
    await writeFile(file, compileStrategiesYaml(DEFAULT_YAML));
    const fromYaml = parseStrategiesYaml(DEFAULT_YAML);
    expect(Object.keys(fromYaml.strategies).length).toBeGreaterThan(0);
    expect(await loadStrategiesJson(file)).toEqual(fromYaml);
    expect(await loadStrategiesFile(file)).toEqual(fromYaml);
  });

  it("an invalid YAML never compiles: the error names the key and line", () => {
    const bad = DEFAULT_YAML.replace(/^(\s*model:\s*)\S+/m, "$1median");
    expect(() => compileStrategiesYaml(bad)).toThrow(StrategiesConfigError);
    expect(() => compileStrategiesYaml(bad)).toThrow(/fill\.model.*line \d+|line \d+.*fill\.model/s);
  });

  it("a bad value in the JSON names the key path; broken JSON is named as such", async () => {
    const raw = JSON.parse(compileStrategiesYaml(DEFAULT_YAML)) as { pricing: Record<string, unknown> };
    raw.pricing.rate = "high";
    const file = path.join(dir, "bad.json");
    await writeFile(file, JSON.stringify(raw));
    await expect(loadStrategiesJson(file)).rejects.toThrow(/pricing\.rate/);
    await writeFile(file, "{ not json");
    await expect(loadStrategiesJson(file)).rejects.toThrow(/invalid JSON/);
  });
});
