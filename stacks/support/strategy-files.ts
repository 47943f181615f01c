import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { compileStrategiesYaml } from "@stratdeck/core/strategies";

/** Where the synth writes the compiled strategies, relative to the project root (git-ignored). */
const COMPILED = ".sst/strategies.json";

/**
 * Ships the repo's strategies inside a function bundle and points the config at them (Lambda's
 * working directory is the bundle root, /var/task). `strategies.yaml` is validated at synth (a bad
 * file fails the build, naming key and line) and shipped as JSON, so no function bundles the YAML
 * parser. Every function that builds the shared deps needs it: `buildDeps` loads the strategies.
 */
export function strategyFiles(root = process.cwd()) {
  const source = path.join(root, "strategies.yaml");
  const json = compileStrategiesYaml(readFileSync(source, "utf8"), source);
  mkdirSync(path.join(root, path.dirname(COMPILED)), { recursive: true });
  writeFileSync(path.join(root, COMPILED), json);
  return {
    copyFiles: [{ from: COMPILED, to: "strategies.json" }],
    environment: { STRATDECK_STRATEGIES_FILE: "strategies.json" },
  };
}
