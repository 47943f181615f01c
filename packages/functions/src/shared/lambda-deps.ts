import { loadConfig } from "@stratdeck/core/config";
import { createLogger, type Log } from "@stratdeck/core/log";
import { buildDeps, type Deps } from "@stratdeck/core/wiring";
import * as z from "zod";
import { lambdaEnv } from "./lambda-env";

const LogLevel = z.enum(["DEBUG", "INFO", "WARN", "ERROR"]).catch("INFO");

/** The function's logger (level from STRATDECK_LOG_LEVEL, default INFO); safe at module scope. */
export function lambdaLog(service: string): Log {
  return createLogger({ service, level: LogLevel.parse(process.env.STRATDECK_LOG_LEVEL?.toUpperCase()) });
}

let cached: Promise<Deps> | undefined;

/**
 * The container's deps (config from env + bound SST secrets, then the shared composition root),
 * built on first use and reused while the container is warm. A failed build is retried next time.
 */
export function lambdaDeps(log: Log): Promise<Deps> {
  cached ??= build(log).catch((err: unknown) => {
    cached = undefined;
    throw err;
  });
  return cached;
}

async function build(log: Log): Promise<Deps> {
  const { config, warnings } = loadConfig(await lambdaEnv());
  for (const w of warnings) log.warn("config.warning", { variable: w.variable, message: w.message });
  return buildDeps(config, { log });
}
