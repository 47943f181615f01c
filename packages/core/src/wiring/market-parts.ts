import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { AppConfig, TastyConfig } from "../config/app-config";
import type { Log } from "../log/log";
import { DynamoSnapshotStore } from "../market-data/dynamo-snapshot-store";
import type { MarketDataProvider } from "../market-data/market-data-provider";
import { snapshotMaxAgeMs } from "../market-data/snapshot-max-age";
import type { SnapshotStore } from "../market-data/snapshot-store";
import { DynamoCooldownStore } from "../tasty/dynamo-cooldown-store";
import { LocalWriteCooldownStore } from "../tasty/local-write-cooldown-store";
import type { CooldownStore } from "../tasty/cooldown-store";
import { TastyMarketDataProvider } from "../tasty/tasty-market-data-provider";
import { TastyRestClient } from "../tasty/tasty-rest-client";
import type { StrategiesConfig } from "../strategies/config-types";
import type { Clock } from "../time/clock";

/** Stand-in credentials for the simulator (it accepts any non-empty values). */
export const SIM_CREDENTIALS = {
  clientSecret: "local-simulator",
  refreshToken: "local-simulator",
  isTest: false,
};

/**
 * The tastytrade settings the config itself gives: its credentials in live data mode; in sim data
 * mode the simulator's stand-in credentials at TASTY_API_URL (undefined when no URL is set).
 */
export function configuredTasty(config: AppConfig): TastyConfig | undefined {
  if (config.dataMode !== "sim") return config.tasty;
  const apiUrl = config.tasty?.apiUrl ?? config.tastyApiUrl;
  return apiUrl ? { ...SIM_CREDENTIALS, ...config.tasty, apiUrl } : undefined;
}

/** The market-data path of a shell: snapshots (stream) → tastytrade REST (with cooldowns). */
export interface MarketParts {
  snapshots: SnapshotStore;
  cooldowns: CooldownStore;
  rest: TastyRestClient;
  provider: MarketDataProvider;
  /** Oldest stream snapshot the provider accepts, ms. */
  maxAgeMs: number;
}

/** What {@link marketParts} builds on. */
export interface MarketPartsInput {
  config: AppConfig;
  /** tastytrade credentials and URL; absent = every REST call fails naming why. */
  tasty: TastyConfig | undefined;
  /** Every table but snapshots. */
  doc: DynamoDBDocumentClient;
  snapshotDoc: DynamoDBDocumentClient;
  clock: Clock;
  log: Log;
  /** Read-only workload: shared cooldowns are honoured, its own are kept in memory (no writes). */
  readOnlyCooldowns?: boolean;
}

/**
 * The snapshot store, cooldowns, REST client and streaming-first provider, shared by the full
 * composition root and the Lambda functions that price (each builds only this, not the rest).
 */
export function marketParts(input: MarketPartsInput): MarketParts {
  const { config, tasty, doc, snapshotDoc, clock, log } = input;
  const snapshots = new DynamoSnapshotStore(snapshotDoc, config.tables.snapshots, clock);
  const sharedCooldowns = new DynamoCooldownStore(doc, config.tables.cooldowns, clock);
  const cooldowns = input.readOnlyCooldowns
    ? new LocalWriteCooldownStore(sharedCooldowns, clock)
    : sharedCooldowns;
  const maxAgeMs = snapshotMaxAgeMs(config);
  const rest = tasty
    ? new TastyRestClient({ tasty, clock, log: log.child({ component: "rest" }), cooldowns })
    : unconfiguredRest();
  const provider = new TastyMarketDataProvider(
    { rest, snapshots, clock, log: log.child({ component: "provider" }) },
    { streamMaxAgeMs: maxAgeMs },
  );
  return { snapshots, cooldowns, rest, provider, maxAgeMs };
}

/** A REST client for shells without tastytrade credentials: every call fails, naming why. */
function unconfiguredRest(): TastyRestClient {
  return new Proxy({} as TastyRestClient, {
    get: (_t, prop) =>
      prop === "then"
        ? undefined
        : () => {
            throw new Error(`tastytrade is not configured for this function (${String(prop)} called)`);
          },
  });
}

/** Strategies whose `max_quote_age_ms: null` follows the stream's snapshot max age, ms. */
export function withStreamQuoteAge(s: StrategiesConfig, maxAgeMs: number): StrategiesConfig {
  return s.fill.quoteAgeFromStream ? { ...s, fill: { ...s.fill, maxQuoteAgeMs: maxAgeMs } } : s;
}
