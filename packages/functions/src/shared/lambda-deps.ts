import { loadConfig } from "@stratdeck/core/config";
import { createLogger, type Log } from "@stratdeck/core/log";
import { EmfMetrics, type Metrics } from "@stratdeck/core/metrics";
import { buildDeps, type Deps } from "@stratdeck/core/wiring";
import { z } from "zod";
import { lambdaEnv } from "./lambda-env";

const LogLevel = z.enum(["DEBUG", "INFO", "WARN", "ERROR"]).catch("INFO");

/** The function's logger (level from STRATDECK_LOG_LEVEL, default INFO); safe at module scope. */
export function lambdaLog(service: string): Log {
  return createLogger({ service, level: LogLevel.parse(process.env.STRATDECK_LOG_LEVEL?.toUpperCase()) });
}

/** What one function needs of the shared deps (each function has its own grants and secrets). */
export interface LambdaDepsOptions {
  /** The function never calls tastytrade and is given no TASTY_* secrets (GET /orders, /alerts). */
  withoutTasty?: boolean;
  /** The function may only read the cooldowns table (GET routes). */
  readOnlyCooldowns?: boolean;
}

let cached: Promise<Deps> | undefined;

/**
 * The container's deps (config from env + bound SST secrets, then the shared composition root),
 * built on first use and reused while the container is warm. A failed build is retried next time.
 */
export function lambdaDeps(log: Log, options: LambdaDepsOptions = {}): Promise<Deps> {
  cached ??= build(log, options).catch((err: unknown) => {
    cached = undefined;
    throw err;
  });
  return cached;
}

async function build(log: Log, options: LambdaDepsOptions): Promise<Deps> {
  const withoutTasty = options.withoutTasty === true;
  const { config, warnings } = loadConfig(await lambdaEnv(), { tastyUnused: withoutTasty });
  for (const w of warnings) log.warn("config.warning", { variable: w.variable, message: w.message });
  return buildDeps(config, { log, withoutTasty, readOnlyCooldowns: options.readOnlyCooldowns === true });
}

/** CloudWatch metrics as EMF lines on stdout, dimensioned by the SST stage. */
export function lambdaMetrics(): Metrics {
  return new EmfMetrics(process.env.SST_STAGE ?? "local", (line) => process.stdout.write(line));
}
