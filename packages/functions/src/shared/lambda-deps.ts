import type { AppConfig } from "@stratdeck/core/config";
import { loadConfig } from "@stratdeck/core/config/validate";
import type { Log } from "@stratdeck/core/log";
import { createLogger } from "@stratdeck/core/log/powertools-log";
import { EmfMetrics } from "@stratdeck/core/metrics/emf-metrics";
import type { Metrics } from "@stratdeck/core/metrics";
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

/**
 * The validated config from env + bound SST secrets (warnings logged). `tastyUnused`: the function
 * never calls tastytrade and is bound no TASTY_* secrets.
 */
async function lambdaConfig(log: Log, tastyUnused = false): Promise<AppConfig> {
  const { config, warnings } = loadConfig(await lambdaEnv(), { tastyUnused });
  for (const w of warnings) log.warn("config.warning", { variable: w.variable, message: w.message });
  return config;
}

/** What one function needs of the shared deps (each function has its own grants and secrets). */
export interface LambdaDepsOptions {
  /** The function never calls tastytrade and is given no TASTY_* secrets. */
  withoutTasty?: boolean;
  /** The function may only read the cooldowns table (GET routes). */
  readOnlyCooldowns?: boolean;
}

let fullDeps: (() => Promise<Deps>) | undefined;

/**
 * Everything: config, every store, the tastytrade REST client and provider, the notifier and the
 * strategies (the JSON the stacks compile from strategies.yaml, `STRATDECK_STRATEGIES_FILE`), through
 * the shared composition root, built once per container. For the jobs and the
 * routes that price.
 */
export function lambdaDeps(log: Log, options: LambdaDepsOptions = {}): Promise<Deps> {
  fullDeps ??= oncePerContainer(async () => {
    const withoutTasty = options.withoutTasty === true;
    const config = await lambdaConfig(log, withoutTasty);
    const file = config.strategiesFile ?? "strategies.json";
    return assembleDeps(config, {
      log,
      strategies: () => loadStrategiesJson(file),
      withoutTasty,
      readOnlyCooldowns: options.readOnlyCooldowns === true,
    });
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
 * the routes that read one table (`/orders`, `/history`, `/alerts`, `/ideas`, `/health`). Each handler builds
 * its one store on it, so its bundle carries no REST, DXLink, strategies or SNS code.
 */
export function lambdaTables(log: Log): Promise<LambdaTables> {
  tablesBuilt ??= oncePerContainer(async () => {
    const config = await lambdaConfig(log, true);
    const { doc } = await connectStorage(config, { log });
    return { config, clock: systemClock, log, doc };
  });
  return tablesBuilt();
}

/** CloudWatch metrics as EMF lines on stdout, dimensioned by the SST stage. */
export function lambdaMetrics(): Metrics {
  return new EmfMetrics(process.env.SST_STAGE ?? "local", (line) => process.stdout.write(line));
}
