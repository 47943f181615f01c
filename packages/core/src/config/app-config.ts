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

/** Live execution settings and hard limits (used only when live trading is armed and confirmed). */
export interface LiveConfig {
  /**
   * STRATDECK_LIVE_SCHEDULED=YES: scheduled runs (no operator at the keyboard) count as confirmed.
   * Only effective with STRATDECK_TRADING_MODE=live and STRATDECK_LIVE_ARMED=YES.
   */
  scheduledConfirm: boolean;
  /** Most contracts of any one leg per live order (STRATDECK_LIVE_MAX_CONTRACTS, default 1). */
  maxContractsPerOrder: number;
  /** Most open live positions (STRATDECK_LIVE_MAX_POSITIONS, default 1). */
  maxOpenPositions: number;
  /** No live entry once today's realised live net loss (after fees) reaches this, cents (STRATDECK_LIVE_DAILY_LOSS_STOP_USD, default 500 USD). */
  dailyLossStopCents: number;
  /** An order not filled after this is cancelled, ms (STRATDECK_LIVE_CANCEL_AFTER_S, default 60 s). */
  cancelAfterMs: number;
  /** Order status polling period, ms (STRATDECK_LIVE_POLL_MS, default 2000). */
  pollMs: number;
  /** Price steps of one tick toward the natural price after an unfilled try (STRATDECK_LIVE_WALK_STEPS, default 2; 0 = none). */
  walkSteps: number;
  /** tastytrade account number (STRATDECK_LIVE_ACCOUNT); default the first open account the grant can trade. */
  account?: string;
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
  /**
   * Longest wait for the state folder's lock while the queue of commands does not move, ms
   * (STRATDECK_LOCK_WAIT_S, seconds; default 60).
   */
  lockWaitMs?: number;
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
  /**
   * A connected stream with no event of a subscribed kind (underlyings, options) for this long,
   * during a session, is unhealthy, ms (STRATDECK_STREAM_STALE_MS; default 60000).
   */
  streamStaleAfterMs: number;
  /** Cap on streamed option symbols besides open positions' legs (STRATDECK_STREAM_MAX_OPTIONS; default 600): a safety cap, the strategies decide the set. */
  streamMaxOptions: number;
  /** TASTY_API_URL on its own: in sim mode, the simulator to use (credentials optional there). */
  tastyApiUrl?: string;
  /** Live execution settings and hard limits. */
  live: LiveConfig;
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
