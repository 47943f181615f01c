import type { TableNames } from "../storage/table-definitions";

/** Where market data comes from: the local simulator or tastytrade. */
export type DataMode = "sim" | "live";

/** tastytrade credentials and endpoint (OAuth refresh-token flow). */
export interface TastyConfig {
  /** OAuth client secret (secret: never logged). */
  clientSecret: string;
  /** OAuth refresh token (secret: never logged). */
  refreshToken: string;
  /** Use the certification (sandbox) environment. */
  isTest: boolean;
  /** Explicit REST base URL (e.g. the simulator); overrides production/certification. */
  apiUrl?: string;
}

/** Everything a shell needs, parsed from the environment. */
export interface AppConfig {
  dataMode: DataMode;
  tradingMode: "paper" | "live";
  /** True only when STRATDECK_LIVE_ARMED=YES exactly. */
  liveArmed: boolean;
  /** Drop candidates that fail filters instead of keeping them as advisory. */
  strictFilters: boolean;
  tables: TableNames;
  /** DynamoDB endpoint (AWS_ENDPOINT_URL_DYNAMODB): an explicit engine, used as is. */
  dynamoEndpoint?: string;
  /**
   * Where tables live when no endpoint is set (STRATDECK_STORAGE): `local` = the embedded engine on
   * the state folder (default on a workstation), `aws` = DynamoDB in AWS (default inside Lambda and
   * ECS, detected from AWS_LAMBDA_FUNCTION_NAME / ECS_CONTAINER_METADATA_URI_V4).
   */
  storage: "local" | "aws";
  region: string;
  /** Local state folder for `npm start` (STRATDECK_STATE_DIR, default `.stratdeck`). */
  stateDir: string;
  logLevel: "DEBUG" | "INFO" | "WARN" | "ERROR";
  /** Path of strategies.yaml, when overridden. */
  strategiesFile?: string;
  /** Local API port (STRATDECK_API_PORT, 0-65535; default 8787; 0 = any free port). */
  apiPort: number;
  /** Interface of the local API (STRATDECK_API_HOST; default 127.0.0.1). */
  apiHost: string;
  /** Bearer token protecting the HTTP API (STRATDECK_API_TOKEN; secret). Local runs generate one. */
  apiToken?: string;
  /** SNS topic for exit alerts (STRATDECK_ALERT_TOPIC_ARN); absent = alerts are logged only. */
  alertTopicArn?: string;
  /** Stream snapshot writer window, ms (STRATDECK_STREAM_WINDOW_MS; default 5000). */
  streamWindowMs: number;
  /** Stream re-write interval of unchanged snapshots, ms (STRATDECK_STREAM_HEARTBEAT_MS; default 10000). */
  streamHeartbeatMs: number;
  /** Cap on streamed option symbols besides open positions' legs (STRATDECK_STREAM_MAX_OPTIONS; default 600): a safety cap, the strategies decide the set. */
  streamMaxOptions: number;
  /** TASTY_API_URL on its own: in sim mode, the simulator to use (credentials optional there). */
  tastyApiUrl?: string;
  /** Present when TASTY_* are set (required in live data mode). */
  tasty?: TastyConfig;
}

/** One missing or invalid variable. */
export interface ConfigIssue {
  variable: string;
  message: string;
}

/** Result of {@link validateConfig}: every problem at once, secrets never echoed. */
export type ConfigResult =
  | { ok: true; config: AppConfig; warnings: ConfigIssue[] }
  | { ok: false; issues: ConfigIssue[]; warnings: ConfigIssue[] };
