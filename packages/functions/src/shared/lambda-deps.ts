import type { AppConfig } from "@stratdeck/core/config";
import { loadConfig } from "@stratdeck/core/config/validate";
import type { Log } from "@stratdeck/core/log";
import { createLogger } from "@stratdeck/core/log/powertools-log";
import { systemClock, type Clock } from "@stratdeck/core/time/clock";
import { loadStrategiesJson } from "@stratdeck/core/strategies/config-load";
import { assembleDeps, type Deps } from "@stratdeck/core/wiring/assemble-deps";
import { connectStorage } from "@stratdeck/core/wiring/connect-storage";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { lambdaEnv } from "./lambda-env";
import { oncePerContainer } from "./once-per-container";

const LOG_LEVELS = ["DEBUG", "INFO", "WARN", "ERROR"] as const;

/** The function's logger (level from STRATDECK_LOG_LEVEL, default INFO); safe at module scope. */
export function lambdaLog(service: string): Log {
  const wanted = process.env.STRATDECK_LOG_LEVEL?.toUpperCase();
  const level = LOG_LEVELS.find((l) => l === wanted) ?? "INFO";
  return createLogger({ service, level });
}

/** The validated config from env + bound SST secrets (warnings logged). */
async function lambdaConfig(log: Log): Promise<AppConfig> {
  const { config, warnings } = loadConfig(await lambdaEnv());
  for (const w of warnings) log.warn("config.warning", { variable: w.variable, message: w.message });
  return config;
}

let fullDeps: (() => Promise<Deps>) | undefined;

/**
 * Everything: config, every store, the tastytrade REST client and provider, the notifier and the
 * strategies (the JSON the stacks compile from strategies.yaml, `STRATDECK_STRATEGIES_FILE`), through
 * the shared composition root, built once per container. For the jobs and the
 * routes that price.
 */
export function lambdaDeps(log: Log): Promise<Deps> {
  fullDeps ??= oncePerContainer(async () => {
    const config = await lambdaConfig(log);
    const file = config.strategiesFile ?? "strategies.json";
    return assembleDeps(config, { log, strategies: () => loadStrategiesJson(file) });
  });
  return fullDeps();
}

/** What a function that only reads or writes tables needs (no tastytrade, no strategies). */
export interface LambdaTables {
  config: AppConfig;
  clock: Clock;
  log: Log;
  /** Every table but snapshots. */
  doc: DynamoDBDocumentClient;
}

let tablesBuilt: (() => Promise<LambdaTables>) | undefined;

/**
 * Config and the DynamoDB DocumentClient only, built once per container: the composition root of
 * the routes that read one table (`/orders`, `/alerts`, `/ideas`, `/health`). Each handler builds
 * its one store on it, so its bundle carries no REST, DXLink, strategies or SNS code.
 */
export function lambdaTables(log: Log): Promise<LambdaTables> {
  tablesBuilt ??= oncePerContainer(async () => {
    const config = await lambdaConfig(log);
    const { doc } = await connectStorage(config, { log });
    return { config, clock: systemClock, log, doc };
  });
  return tablesBuilt();
}
