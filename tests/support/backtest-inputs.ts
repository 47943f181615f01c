import { join } from "node:path";
import { validateConfig, type AppConfig } from "@stratdeck/core/config";
import { loadStrategiesFile, type StrategiesConfig } from "@stratdeck/core/strategies";

/** The paper configuration of a sim-mode run, as the environment would give it. */
export function paperSimConfig(): AppConfig {
  const env = validateConfig({ STRATDECK_DATA_MODE: "sim", STRATDECK_TRADING_MODE: "paper" });
  if (!env.ok) throw new Error("config");
  return env.config;
}

/** The repository's default `strategies.yaml` and the paper sim configuration: a backtest's inputs. */
export async function defaultBacktestInputs(): Promise<{ strategies: StrategiesConfig; config: AppConfig }> {
  return {
    strategies: await loadStrategiesFile(join(process.cwd(), "strategies.yaml")),
    config: paperSimConfig(),
  };
}
