import { ConfigError, validateConfig, type AppConfig } from "@stratdeck/core/config";

/**
 * The environment's configuration forced to the simulator and paper trading (the commands that run
 * on a fake clock: `day`, `backtest`); an invalid variable is a {@link ConfigError} (exit 2) listing
 * every issue.
 */
export function simPaperConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const result = validateConfig({ ...env, STRATDECK_DATA_MODE: "sim", STRATDECK_TRADING_MODE: "paper" });
  if (!result.ok) throw new ConfigError(result.issues);
  return result.config;
}
