import type { AppConfig } from "@stratdeck/core/config";
import { loadConfig } from "@stratdeck/core/config/validate";
import type { Log } from "@stratdeck/core/log";
import type { SdkLogger } from "@stratdeck/core/log";
import { createLogger } from "@stratdeck/core/log/powertools-log";
import { PowertoolsMetricsPort } from "@stratdeck/core/metrics/powertools-metrics";
import type { Metrics } from "@stratdeck/core/metrics";
import type { StrategiesConfig } from "@stratdeck/core/strategies";
import { systemClock, type Clock } from "@stratdeck/core/time/clock";
import { loadStrategiesJson } from "@stratdeck/core/strategies/config-load";
import { connectStorage } from "@stratdeck/core/wiring/connect-storage";
import {
  configuredTasty,
  marketParts,
  withStreamQuoteAge,
  type MarketParts,
} from "@stratdeck/core/wiring/market-parts";
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
async function lambdaConfig(log: Log, tastyUnused: boolean): Promise<AppConfig> {
  const { config, warnings } = loadConfig(await lambdaEnv(), { tastyUnused });
  for (const w of warnings) log.warn("config.warning", { variable: w.variable, message: w.message });
  return config;
}

/** Config, clock, log and the DynamoDB DocumentClients: what every data function starts from. */
export interface LambdaTables {
  config: AppConfig;
  clock: Clock;
  log: Log;
  /** Every table but snapshots. */
  doc: DynamoDBDocumentClient;
  /** The snapshots table (the same client on AWS). */
  snapshotDoc: DynamoDBDocumentClient;
  /** The SDK logger of the clients (for the SNS client). */
  awsLog: SdkLogger;
}

const tablesBuilt = new Map<boolean, () => Promise<LambdaTables>>();

/**
 * Config and the DynamoDB DocumentClients, built once per container: the composition root of the
 * routes that read one table (`/orders`, `/history`, `/alerts`, `/ideas`, `/health`), which build
 * their one store on it. `tasty`: the function calls tastytrade (its TASTY_* secrets are bound and
 * required in live data mode).
 */
export function lambdaTables(log: Log, options: { tasty?: boolean } = {}): Promise<LambdaTables> {
  const tasty = options.tasty === true;
  let built = tablesBuilt.get(tasty);
  if (!built) {
    built = oncePerContainer(async () => {
      const config = await lambdaConfig(log, !tasty);
      const { doc, snapshotDoc, awsLog } = await connectStorage(config, { log });
      return { config, clock: systemClock, log, doc, snapshotDoc, awsLog };
    });
    tablesBuilt.set(tasty, built);
  }
  return built();
}

/** {@link LambdaTables} plus the market-data path (snapshots → REST with cooldowns). */
export type LambdaMarket = LambdaTables & MarketParts;

let marketBuilt: (() => Promise<LambdaMarket>) | undefined;

/**
 * Tables plus the streaming-first market data, built once per container: the root of the
 * functions that price or call tastytrade. `readOnlyCooldowns`: a GET route honours shared 429
 * cooldowns but writes none (its grants are read-only).
 */
export function lambdaMarket(log: Log, options: { readOnlyCooldowns?: boolean } = {}): Promise<LambdaMarket> {
  marketBuilt ??= oncePerContainer(async () => {
    const t = await lambdaTables(log, { tasty: true });
    const tasty = configuredTasty(t.config);
    if (!tasty)
      throw new Error("tastytrade is not configured: set TASTY_CLIENT_SECRET and TASTY_REFRESH_TOKEN");
    // The config the function runs with names the tastytrade settings it uses (the simulator's
    // stand-in credentials in sim data mode), so the health check reports on them.
    const config = { ...t.config, tasty };
    return {
      ...t,
      config,
      ...marketParts({
        ...t,
        config,
        tasty,
        ...(options.readOnlyCooldowns === true ? { readOnlyCooldowns: true } : {}),
      }),
    };
  });
  return marketBuilt();
}

let strategiesLoaded: (() => Promise<StrategiesConfig>) | undefined;

/**
 * The strategies: the JSON the stacks compile from strategies.yaml (`STRATDECK_STRATEGIES_FILE`,
 * default `strategies.json`), read and validated once per container; a `max_quote_age_ms: null`
 * follows the stream's snapshot max age.
 */
export function lambdaStrategies(m: Pick<LambdaMarket, "config" | "maxAgeMs">): Promise<StrategiesConfig> {
  strategiesLoaded ??= oncePerContainer(async () =>
    withStreamQuoteAge(await loadStrategiesJson(m.config.strategiesFile ?? "strategies.json"), m.maxAgeMs),
  );
  return strategiesLoaded();
}

/** CloudWatch metrics through Powertools Metrics (EMF lines on stdout), dimensioned by the SST stage. */
export function lambdaMetrics(): Metrics {
  return new PowertoolsMetricsPort(process.env.SST_STAGE ?? "local");
}
