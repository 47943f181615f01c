import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { AppConfig, TastyConfig } from "../config/app-config";
import { DynamoAlertStore, type AlertStore, type Notifier } from "../alerts/index";
import type { Log } from "../log/log";
import { createLogger } from "../log/powertools-log";
import type { MarketDataProvider, SnapshotStore } from "../market-data/index";
import {
  DynamoPaperOrderStore,
  RecordingSettlementSource,
  SessionPrintSettlementSource,
  type PaperOrderStore,
} from "../ledger/index";
import type { Venues } from "../venues/venue";
import { DynamoStatusStore, type StatusStore } from "../status/index";
import type { StrategiesConfig } from "../strategies/config-types";
import type { CooldownStore, TastyRestClient } from "../tasty/index";
import { systemClock, type Clock } from "../time/clock";
import { connectStorage } from "./connect-storage";
import { configuredTasty, marketParts, SIM_CREDENTIALS, withStreamQuoteAge } from "./market-parts";
import { notifierFor } from "./notifier-part";
import { tradingVenues } from "./venues-part";
import { type EmbeddedEngineStarter, type ResolvedStorage, type StorageKind } from "./resolve-storage";

/** Everything the shells (CLI, Lambda, stream task, local stack) hand to core use cases. */
export interface Deps {
  config: AppConfig;
  clock: Clock;
  log: Log;
  doc: DynamoDBDocumentClient;
  snapshots: SnapshotStore;
  cooldowns: CooldownStore;
  orders: PaperOrderStore;
  alerts: AlertStore;
  status: StatusStore;
  rest: TastyRestClient;
  provider: MarketDataProvider;
  notifier: Notifier;
  strategies: StrategiesConfig;
  /** Settlement values recorded at their instants (REST session prints, kept in the status table). */
  settlement: RecordingSettlementSource;
  /**
   * Where orders go, chosen once by the trading mode ({@link tradingVenues}): the paper venue, and
   * in live mode tastytrade for entries (the guard decides per request whether it only dry-runs).
   */
  venues: Venues;
  /** Where data comes from and lives (`storage`: see {@link StorageKind}). */
  endpoints: {
    /** DynamoDB endpoint URL, or the literal `aws` for the regional AWS endpoint. */
    dynamo: string;
    rest: string;
    embedded: string[];
    storage: StorageKind;
    stateDir?: string;
  };
  /** Releases embedded engines and simulators this call started. */
  close(): Promise<void>;
}

/** Options of {@link assembleDeps}. */
export interface AssembleDepsOptions {
  clock?: Clock;
  log?: Log;
  notifier?: Notifier;
  /** The strategies, or how to load them (after storage is up). */
  strategies: StrategiesConfig | (() => Promise<StrategiesConfig>);
  /**
   * Local storage with no running `stratdeck start`: opens the embedded engine on the state folder
   * (or in memory with `ephemeral`) for this process (the CLI passes dynalite). Absent = that
   * situation is an error.
   */
  embeddedEngine?: EmbeddedEngineStarter;
  /** In-memory tables for this process only (`--ephemeral`). */
  ephemeral?: boolean;
  /** Storage already resolved by the caller (the local stack owns its engine). */
  storage?: ResolvedStorage;
  /** Name recorded in the state folder's lock while this process holds it. */
  owner?: string;
  /** Longest wait for another process holding the state folder, ms. */
  lockWaitMs?: number;
  /** The shell only reads the ledger: on a state folder it cannot write, it reads a copy. */
  readOnlyState?: boolean;
  /**
   * The shell never calls tastytrade (no TASTY_* secrets bound): in live data mode the REST client
   * is a stand-in whose every call fails with a clear error instead of the build failing.
   */
  withoutTasty?: boolean;
  /** Read-only workload: shared cooldowns are honoured, its own are kept in memory (no writes). */
  readOnlyCooldowns?: boolean;
  /** Sim mode with no simulator URL and no running local stack: starts one (the CLI passes it). */
  embeddedSimulator?: () => Promise<{ restUrl: string; stop(): Promise<void> }>;
}

export { SIM_CREDENTIALS } from "./market-parts";

/**
 * The composition root given the strategies (see `buildDeps` for the shells): builds adapters from
 * the config. Storage follows an explicit choice
 * ({@link resolveStorage}): an endpoint, AWS when chosen, `--ephemeral`, the running local stack,
 * else the embedded engine on the state folder. Sim data mode takes TASTY_API_URL, the running
 * stack's simulator, or an embedded simulator started for this process.
 */
export async function assembleDeps(config: AppConfig, options: AssembleDepsOptions): Promise<Deps> {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? createLogger({ service: "stratdeck", level: config.logLevel });
  const cleanups: Array<() => Promise<void>> = [];
  const embedded: string[] = [];
  const close = async (): Promise<void> => {
    for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
  };
  /** An address already known, or one of an embedded service started now (and stopped on close). */
  const orEmbedded = async <T extends { stop(): Promise<void> }>(
    known: string | undefined,
    start: (() => Promise<T>) | undefined,
    urlOf: (svc: T) => string,
    what: string,
  ): Promise<string> => {
    if (known) return known;
    if (!start) throw new Error(`sim mode: no ${what} configured and no running local stack`);
    const svc = await start();
    cleanups.push(() => svc.stop());
    embedded.push(urlOf(svc));
    return urlOf(svc);
  };
  try {
    const conn = await connectStorage(config, {
      log,
      ...(options.storage ? { storage: options.storage } : {}),
      ...(options.embeddedEngine ? { embeddedEngine: options.embeddedEngine } : {}),
      ...(options.ephemeral ? { ephemeral: true } : {}),
      ...(options.owner ? { owner: options.owner } : {}),
      ...(options.lockWaitMs !== undefined ? { lockWaitMs: options.lockWaitMs } : {}),
      ...(options.readOnlyState ? { readOnlyState: true } : {}),
    });
    cleanups.push(() => conn.close());
    const { storage, doc, snapshotDoc, awsLog } = conn;
    const dynamoEndpoint = storage.endpoint;
    if ((storage.kind === "embedded" || storage.kind === "ephemeral") && storage.endpoint)
      embedded.push(storage.endpoint);
    const local = config.dataMode === "sim" ? (storage.stack ?? null) : null;

    // Sim mode without TASTY_API_URL: the running stack's simulator, else one started for this process.
    let tasty: TastyConfig | undefined = configuredTasty(config);
    if (config.dataMode === "sim" && !tasty) {
      const apiUrl = await orEmbedded(
        local?.simRestUrl,
        options.embeddedSimulator,
        (s) => s.restUrl,
        "TASTY_API_URL",
      );
      tasty = { ...SIM_CREDENTIALS, ...config.tasty, apiUrl };
    }
    if (!tasty && !options.withoutTasty)
      throw new Error("live data mode needs TASTY_CLIENT_SECRET and TASTY_REFRESH_TOKEN");

    const { snapshots, cooldowns, rest, provider, maxAgeMs } = marketParts({
      config,
      tasty,
      doc,
      snapshotDoc,
      clock,
      log,
      ...(options.readOnlyCooldowns ? { readOnlyCooldowns: true } : {}),
    });
    const notifier = options.notifier ?? (await notifierFor(config, log, awsLog));
    const strategies = withStreamQuoteAge(
      typeof options.strategies === "function" ? await options.strategies() : options.strategies,
      maxAgeMs,
    );
    const status = new DynamoStatusStore(doc, config.tables.status, clock);
    const orders = new DynamoPaperOrderStore(doc, config.tables.orders).reportLegacyReads(log);
    const alerts = new DynamoAlertStore(doc, config.tables.alerts, clock);
    return {
      config,
      clock,
      log,
      doc,
      snapshots,
      cooldowns,
      orders,
      alerts,
      status,
      settlement: new RecordingSettlementSource(new SessionPrintSettlementSource(rest), status),
      rest,
      provider,
      notifier,
      strategies,
      venues: await tradingVenues({ config, orders, clock, log, rest, alerts, notifier }),
      endpoints: {
        dynamo: dynamoEndpoint ?? "aws",
        rest: tasty ? (tasty.apiUrl ?? "tastytrade") : "none",
        embedded,
        storage: storage.kind,
        ...(storage.stateDir ? { stateDir: storage.stateDir } : {}),
      },
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}
