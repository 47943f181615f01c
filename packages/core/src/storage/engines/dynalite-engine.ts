import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import type { RunningEngine } from "./engine";

const require = createRequire(import.meta.url);

export interface DynaliteOptions {
  /** Port on 127.0.0.1; 0 picks a free one. */
  port?: number;
  /** LevelDB folder for persistence; omitted means in memory. */
  path?: string;
}

/**
 * Starts dynalite (pure-JS DynamoDB) in this process on loopback, with zero table
 * create/delete delays. It has no transactions and no TTL expiry; StratDeck uses neither.
 */
export async function startDynalite(options: DynaliteOptions = {}): Promise<RunningEngine> {
  const dynalite = require("dynalite") as (opts: Record<string, unknown>) => Server;
  const server = dynalite({
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
    ...(options.path ? { path: options.path } : {}),
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  let stopped = false;
  return {
    kind: "dynalite",
    endpoint: `http://127.0.0.1:${port}`,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      server.closeAllConnections?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
