import { loadConfig, type AppConfig } from "@stratdeck/core/config";
import { createLogger, type Log } from "@stratdeck/core/log";
import { startSimulator } from "@stratdeck/core/sim";
import { startDynalite } from "@stratdeck/core/storage/engines";
import { buildDeps, type BuildDepsOptions, type Deps } from "@stratdeck/core/wiring";

/**
 * The CLI's dependencies: config from the environment (one ConfigError naming every bad variable),
 * JSON logs on stderr, and in sim mode the running local stack or an embedded simulator + dynalite
 * for this command only.
 */
export async function cliDeps(
  overrides: Partial<BuildDepsOptions> & { config?: AppConfig } = {},
): Promise<Deps> {
  const { config, warnings } = overrides.config
    ? { config: overrides.config, warnings: [] }
    : loadConfig(process.env);
  const log: Log = overrides.log ?? createLogger({ service: "stratdeck-cli", level: config.logLevel });
  for (const w of warnings) log.warn("config.warning", { variable: w.variable, message: w.message });
  return buildDeps(config, {
    log,
    embeddedEngine: () => startDynalite(),
    embeddedSimulator: () => startSimulator({ log: log.child({ component: "sim" }) }),
    ...overrides,
  });
}

/** Runs `fn` with CLI deps and always releases them (embedded engines, sockets). */
export async function withDeps<T>(
  fn: (deps: Deps) => Promise<T>,
  overrides?: Partial<BuildDepsOptions>,
): Promise<T> {
  const deps = await cliDeps(overrides);
  try {
    return await fn(deps);
  } finally {
    await deps.close();
  }
}
