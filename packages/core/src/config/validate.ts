import * as z from "zod/mini";
import "../validation/zod-english";
import { defaultTableNames, tableEnvVar, ALL_TABLES, type TableId } from "../storage/table-definitions";
import type { AppConfig, ConfigIssue, ConfigResult, TastyConfig } from "./app-config";
import type { LiveConfig } from "./app-config";
import {
  envBool,
  envNonNegativeInt,
  envPort,
  envPositiveInt,
  envTableName,
  envText,
  envUrl,
  envUsdCents,
} from "./env-fields";

type Env = Readonly<Record<string, string | undefined>>;

/** Variables whose values are secret: their values never appear in an issue message. */
export const SECRET_VARIABLES = new Set([
  "TASTY_CLIENT_SECRET",
  "TASTY_REFRESH_TOKEN",
  "TASTY_PASS",
  "STRATDECK_API_TOKEN",
]);

/** Options for {@link validateConfig}. */
export interface ValidateOptions {
  /** Require the TASTY_* credentials even in sim mode (e.g. `tasty-health` against tastytrade). */
  requireTasty?: boolean;
  /**
   * This shell never calls tastytrade (e.g. the GET /orders and /alerts functions, which are not
   * given the secrets): the TASTY_* credentials are not required, even in live data mode.
   */
  tastyUnused?: boolean;
}

const enumOf = <T extends string>(values: readonly [T, ...T[]], caseOf = z.toLowerCase()) =>
  z.pipe(
    z.string().check(z.trim(), caseOf),
    z.enum(values, { message: `must be one of ${values.join(", ")}` }),
  );

/**
 * Parses StratDeck's configuration from an environment map. Returns one structured result listing
 * every missing or invalid variable with a human message; secret values are never echoed.
 */
export function validateConfig(env: Env, options: ValidateOptions = {}): ConfigResult {
  const issues: ConfigIssue[] = [];
  const warnings: ConfigIssue[] = [];

  function read<T>(variable: string, schema: z.core.$ZodType<T>, fallback: T): T;
  function read<T>(variable: string, schema: z.core.$ZodType<T>): T | undefined;
  function read<T>(variable: string, schema: z.core.$ZodType<T>, fallback?: T): T | undefined {
    const raw = env[variable];
    if (raw === undefined || raw === "") return fallback;
    const parsed = z.safeParse(schema, raw);
    if (parsed.success) return parsed.data;
    const msg = parsed.error.issues[0]?.message ?? "is invalid";
    const shown = SECRET_VARIABLES.has(variable)
      ? ""
      : ` (got ${JSON.stringify(raw.length > 60 ? raw.slice(0, 60) + "…" : raw)})`;
    issues.push({ variable, message: `${variable} ${msg}${shown}` });
    return fallback;
  }

  const dataMode = read<"sim" | "live">("STRATDECK_DATA_MODE", enumOf(["sim", "live"]), "sim");
  const tradingMode = read<"paper" | "live">("STRATDECK_TRADING_MODE", enumOf(["paper", "live"]), "paper");
  const armedRaw = env.STRATDECK_LIVE_ARMED;
  const liveArmed = armedRaw === "YES";
  if (armedRaw !== undefined && armedRaw !== "" && armedRaw !== "YES" && armedRaw !== "NO") {
    warnings.push({
      variable: "STRATDECK_LIVE_ARMED",
      message: "STRATDECK_LIVE_ARMED arms live trading only when exactly YES; this value leaves it disarmed",
    });
  }
  const strictFilters = read("STRATDECK_STRICT_FILTERS", envBool, false);
  const logLevel = read<"DEBUG" | "INFO" | "WARN" | "ERROR">(
    "STRATDECK_LOG_LEVEL",
    enumOf(["DEBUG", "INFO", "WARN", "ERROR"], z.toUpperCase()),
    "INFO",
  );
  const prefix = read("STRATDECK_TABLE_PREFIX", envTableName, "stratdeck");
  const defaults = defaultTableNames(prefix);
  const tables = {} as Record<TableId, string>;
  for (const t of ALL_TABLES) tables[t.id] = read(tableEnvVar(t.id), envTableName, defaults[t.id]);
  const dynamoEndpoint = read("AWS_ENDPOINT_URL_DYNAMODB", envUrl);
  const onAws = Boolean(env.AWS_LAMBDA_FUNCTION_NAME || env.ECS_CONTAINER_METADATA_URI_V4);
  const storage = read<"local" | "aws">(
    "STRATDECK_STORAGE",
    enumOf(["local", "aws"]),
    onAws ? "aws" : "local",
  );
  const apiPort = read("STRATDECK_API_PORT", envPort, 8787);
  const apiHost = read("STRATDECK_API_HOST", envText, "127.0.0.1");
  const region = read("AWS_REGION", envText, env.AWS_DEFAULT_REGION || "us-east-1");
  const stateDir = read("STRATDECK_STATE_DIR", envText, ".stratdeck");
  const strategiesFile = read("STRATDECK_STRATEGIES_FILE", envText);
  const lockWaitMs = read("STRATDECK_LOCK_WAIT_S", envPositiveInt, 60) * 1000;
  const streamWindowMs = read("STRATDECK_STREAM_WINDOW_MS", envPositiveInt, 5_000);
  const streamHeartbeatMs = read("STRATDECK_STREAM_HEARTBEAT_MS", envPositiveInt, 10_000);
  const streamStaleAfterMs = read("STRATDECK_STREAM_STALE_MS", envPositiveInt, 60_000);
  const streamMaxOptions = read("STRATDECK_STREAM_MAX_OPTIONS", envPositiveInt, 600);
  const apiToken = read(
    "STRATDECK_API_TOKEN",
    z.string().check(z.trim(), z.minLength(16, "must be at least 16 characters (use a long random token)")),
  );
  const alertTopicArn = read(
    "STRATDECK_ALERT_TOPIC_ARN",
    z
      .string()
      .check(
        z.trim(),
        z.regex(/^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]+$/, "must be an SNS topic ARN"),
      ),
  );

  const scheduledRaw = env.STRATDECK_LIVE_SCHEDULED;
  const scheduledConfirm = scheduledRaw === "YES";
  if (scheduledRaw !== undefined && scheduledRaw !== "" && scheduledRaw !== "YES" && scheduledRaw !== "NO") {
    warnings.push({
      variable: "STRATDECK_LIVE_SCHEDULED",
      message:
        "STRATDECK_LIVE_SCHEDULED confirms scheduled live orders only when exactly YES; this value does not",
    });
  }
  if (scheduledConfirm && !(tradingMode === "live" && liveArmed)) {
    warnings.push({
      variable: "STRATDECK_LIVE_SCHEDULED",
      message:
        "STRATDECK_LIVE_SCHEDULED=YES is refused unless STRATDECK_TRADING_MODE=live and STRATDECK_LIVE_ARMED=YES: scheduled runs place nothing live",
    });
  }
  const liveAccount = read("STRATDECK_LIVE_ACCOUNT", envText);
  const live: LiveConfig = {
    scheduledConfirm,
    maxContractsPerOrder: read("STRATDECK_LIVE_MAX_CONTRACTS", envPositiveInt, 1),
    maxOpenPositions: read("STRATDECK_LIVE_MAX_POSITIONS", envPositiveInt, 1),
    dailyLossStopCents: read("STRATDECK_LIVE_DAILY_LOSS_STOP_USD", envUsdCents, 50_000),
    cancelAfterMs: read("STRATDECK_LIVE_CANCEL_AFTER_S", envPositiveInt, 60) * 1000,
    pollMs: read("STRATDECK_LIVE_POLL_MS", envPositiveInt, 2_000),
    walkSteps: read("STRATDECK_LIVE_WALK_STEPS", envNonNegativeInt, 2),
    ...(liveAccount ? { account: liveAccount } : {}),
  };

  const tasty = readTasty(
    env,
    read,
    issues,
    warnings,
    (options.requireTasty === true || dataMode === "live") && options.tastyUnused !== true,
  );

  if (tradingMode === "live" && !liveArmed) {
    warnings.push({
      variable: "STRATDECK_LIVE_ARMED",
      message: "STRATDECK_TRADING_MODE=live but STRATDECK_LIVE_ARMED is not YES: orders will be refused",
    });
  }

  if (issues.length > 0) return { ok: false, issues, warnings };
  const config: AppConfig = {
    dataMode,
    tradingMode,
    liveArmed,
    strictFilters,
    tables,
    storage,
    apiPort,
    apiHost,
    region,
    stateDir,
    lockWaitMs,
    logLevel,
    streamWindowMs,
    streamHeartbeatMs,
    streamStaleAfterMs,
    streamMaxOptions,
    live,
    ...(dynamoEndpoint ? { dynamoEndpoint } : {}),
    ...(strategiesFile ? { strategiesFile } : {}),
    ...(apiToken ? { apiToken } : {}),
    ...(alertTopicArn ? { alertTopicArn } : {}),
    ...(tasty ? { tasty } : {}),
    ...(env.TASTY_API_URL && !issues.length ? { tastyApiUrl: env.TASTY_API_URL.trim() } : {}),
  };
  return { ok: true, config, warnings };
}

function readTasty(
  env: Env,
  read: <T>(variable: string, schema: z.core.$ZodType<T>) => T | undefined,
  issues: ConfigIssue[],
  warnings: ConfigIssue[],
  required: boolean,
): TastyConfig | undefined {
  const clientSecret = read("TASTY_CLIENT_SECRET", envText);
  const refreshToken = read("TASTY_REFRESH_TOKEN", envText);
  const isTest = read("TASTY_IS_TEST", envBool) ?? false;
  const apiUrl = read("TASTY_API_URL", envUrl);
  const hasLegacy = Boolean(env.TASTY_USER || env.TASTY_PASS);
  if (hasLegacy) {
    warnings.push({
      variable: env.TASTY_USER ? "TASTY_USER" : "TASTY_PASS",
      message:
        "TASTY_USER/TASTY_PASS are ignored: tastytrade decommissioned password sessions; create an OAuth grant and set TASTY_CLIENT_SECRET and TASTY_REFRESH_TOKEN",
    });
  }
  const anySet = clientSecret !== undefined || refreshToken !== undefined;
  if (!required && !anySet) return undefined;
  if (clientSecret === undefined && !issues.some((i) => i.variable === "TASTY_CLIENT_SECRET")) {
    issues.push({
      variable: "TASTY_CLIENT_SECRET",
      message: "TASTY_CLIENT_SECRET is required (OAuth client secret of your tastytrade API application)",
    });
  }
  if (refreshToken === undefined && !issues.some((i) => i.variable === "TASTY_REFRESH_TOKEN")) {
    issues.push({
      variable: "TASTY_REFRESH_TOKEN",
      message:
        "TASTY_REFRESH_TOKEN is required (create a grant under my.tastytrade.com → API → OAuth Applications)",
    });
  }
  if (clientSecret === undefined || refreshToken === undefined) return undefined;
  return { clientSecret, refreshToken, isTest, ...(apiUrl ? { apiUrl } : {}) };
}

/** Formats a failed result as one error message naming every bad variable. */
export function describeIssues(issues: readonly ConfigIssue[]): string {
  return (
    `Invalid configuration (${issues.length} problem${issues.length === 1 ? "" : "s"}):\n` +
    issues.map((i) => `  - ${i.message}`).join("\n")
  );
}

/** Thrown by {@link loadConfig} when the environment is invalid. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
  constructor(readonly issues: readonly ConfigIssue[]) {
    super(describeIssues(issues));
  }
}

/** Validates and returns the config, or throws one ConfigError naming every bad variable. */
export function loadConfig(
  env: Env,
  options?: ValidateOptions,
): { config: AppConfig; warnings: ConfigIssue[] } {
  const r = validateConfig(env, options);
  if (!r.ok) throw new ConfigError(r.issues);
  return { config: r.config, warnings: r.warnings };
}

/** `validate()` as the foundation issue names it: the same as {@link validateConfig}. */
export const validate = validateConfig;
