import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { AppConfig } from "../config/app-config";
import type { Log } from "../log/log";
import { sdkLogger, type SdkLogger } from "../log/sdk-logger";
import { createDocumentClient } from "../storage/dynamo-client";
import { ensureTables } from "../storage/ensure-tables";
import { requireAwsCredentials } from "./aws-credentials";
import { resolveStorage, type ResolvedStorage, type ResolveStorageOptions } from "./resolve-storage";

/** The DocumentClients of the resolved storage, and how to let them go. */
export interface StorageConnection {
  storage: ResolvedStorage;
  /** Every table but snapshots. */
  doc: DynamoDBDocumentClient;
  /** The snapshots table (the local stack keeps it in a second, in-memory engine; else `doc`). */
  snapshotDoc: DynamoDBDocumentClient;
  /** The SDK logger both clients use (for other AWS clients of the same shell). */
  awsLog: SdkLogger;
  /** Destroys the clients and releases what the storage resolution started. */
  close(): Promise<void>;
}

/** Options of {@link connectStorage}. */
export type ConnectStorageOptions = Omit<ResolveStorageOptions, "log"> & {
  log: Log;
  /** Storage already resolved by the caller (not released by `close`). */
  storage?: ResolvedStorage;
};

/**
 * Resolves storage ({@link resolveStorage}) and opens its DocumentClients: missing tables are
 * created on an explicit endpoint (existing ones kept); AWS storage without credentials stops here
 * with a message naming what to set. The smallest composition step: a function that only reads
 * or writes tables needs nothing more.
 */
export async function connectStorage(
  config: AppConfig,
  options: ConnectStorageOptions,
): Promise<StorageConnection> {
  const { log, storage: given, ...resolveOptions } = options;
  const cleanups: Array<() => Promise<void>> = [];
  const close = async (): Promise<void> => {
    for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
  };
  try {
    const storage = given ?? (await resolveStorage(config, { log, ...resolveOptions }));
    if (!given) cleanups.push(() => storage.release());
    const awsLog = sdkLogger(log.child({ component: "aws-sdk" }));
    const conn = {
      region: config.region,
      logger: awsLog,
      ...(storage.endpoint ? { endpoint: storage.endpoint } : {}),
      ...(storage.accessKeyId ? { localAccessKeyId: storage.accessKeyId } : {}),
      ...(storage.secretAccessKey ? { localSecretAccessKey: storage.secretAccessKey } : {}),
    };
    if (storage.endpoint) await ensureTables(conn, config.tables);
    const doc = createDocumentClient(conn);
    cleanups.push(() => Promise.resolve().then(() => doc.destroy()));
    if (storage.kind === "aws") await requireAwsCredentials(doc);
    let snapshotDoc = doc;
    if (storage.snapshotEndpoint) {
      const snapConn = { ...conn, endpoint: storage.snapshotEndpoint };
      await ensureTables(snapConn, config.tables);
      const sd = createDocumentClient(snapConn);
      cleanups.push(() => Promise.resolve().then(() => sd.destroy()));
      snapshotDoc = sd;
    }
    return { storage, doc, snapshotDoc, awsLog, close };
  } catch (err) {
    await close();
    throw err;
  }
}
