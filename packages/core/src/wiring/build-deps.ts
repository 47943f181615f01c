import { join } from "node:path";
import type { AppConfig } from "../config/app-config";
import type { StrategiesConfig } from "../strategies/config-types";
import { loadStrategiesFile } from "../strategies/config-parse";
import { assembleDeps, type AssembleDepsOptions, type Deps } from "./assemble-deps";

/** Options of {@link buildDeps}: those of {@link assembleDeps}, strategies optional. */
export type BuildDepsOptions = Omit<AssembleDepsOptions, "strategies"> & { strategies?: StrategiesConfig };

/**
 * The one composition root the shells use: {@link assembleDeps} with the strategies file of the
 * config (`STRATDECK_STRATEGIES_FILE`, YAML or its compiled JSON; default `./strategies.yaml`).
 */
export function buildDeps(config: AppConfig, options: BuildDepsOptions = {}): Promise<Deps> {
  const file = config.strategiesFile ?? join(process.cwd(), "strategies.yaml");
  return assembleDeps(config, {
    ...options,
    strategies: options.strategies ?? (() => loadStrategiesFile(file)),
  });
}
