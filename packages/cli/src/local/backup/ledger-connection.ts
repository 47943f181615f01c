import { loadConfig, type AppConfig } from "@stratdeck/core/config";
import { createLogger, type Log } from "@stratdeck/core/log";
import { connectStorage, type ResolveStorageOptions, type StorageConnection } from "@stratdeck/core/wiring";
import { startDynalite } from "../engines";

/** The tables only (no market, no simulator): what `backup` and `restore` need. */
export async function withLedgerTables<T>(
  owner: string,
  ephemeral: boolean,
  fn: (conn: StorageConnection, config: AppConfig, log: Log) => Promise<T>,
  beforeOpen?: ResolveStorageOptions["beforeOpen"],
): Promise<T> {
  const { config } = loadConfig(process.env);
  const log = createLogger({ service: "stratdeck-cli", level: config.logLevel });
  const conn = await connectStorage(config, {
    log,
    owner,
    ephemeral,
    ...(beforeOpen ? { beforeOpen } : {}),
    embeddedEngine: (o) => startDynalite({ ...o, compactEveryMs: 0 }),
  });
  try {
    return await fn(conn, config, log);
  } finally {
    await conn.close();
  }
}
