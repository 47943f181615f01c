import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { RunningEngine } from "@stratdeck/core/storage";
import { compactorFor } from "./level-compaction";

const require = createRequire(import.meta.url);

export interface DynaliteOptions {
  /** Port on 127.0.0.1; 0 picks a free one. */
  port?: number;
  /** LevelDB folder for persistence; omitted means in memory. */
  path?: string;
  /**
   * When set, requests must be signed with this access key id (any other gets 403
   * UnrecognizedClientException), so a local process without the state folder's credential
   * cannot read or write the tables.
   */
  accessKeyId?: string;
  /** Compacts the LevelDB folder this often, ms, so overwritten snapshots do not pile up (default 15 000; 0 = never). */
  compactEveryMs?: number;
}

/** Access key id of a SigV4 `Authorization` header, or null. */
export function accessKeyOf(authorization: string | undefined): string | null {
  const m = /Credential=([^/,\s]+)\//.exec(authorization ?? "");
  return m?.[1] ?? null;
}

/**
 * Starts dynalite (pure-JS DynamoDB) in this process on loopback, with zero table
 * create/delete delays. It has no transactions and no TTL expiry; StratDeck uses neither.
 */
export async function startDynalite(options: DynaliteOptions = {}): Promise<RunningEngine> {
  const dynalite = require("dynalite") as (opts: Record<string, unknown>) => Server;
  const compactor = options.path ? compactorFor(options.path) : null;
  const server = dynalite({
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
    ...(options.path ? { path: options.path } : {}),
  });
  if (options.accessKeyId) guard(server, options.accessKeyId);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const every = options.compactEveryMs ?? 15_000;
  const timer = compactor && every > 0 ? setInterval(() => void compactor.compact(), every) : null;
  timer?.unref();
  const { port } = server.address() as AddressInfo;
  let stopped = false;
  return {
    kind: "dynalite",
    endpoint: `http://127.0.0.1:${port}`,
    ...(compactor ? { compact: () => compactor.compact() } : {}),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      if (timer) clearInterval(timer);
      server.closeAllConnections?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      compactor?.forget();
    },
  };
}

/** Puts a credential check in front of dynalite's request handler. */
function guard(server: Server, accessKeyId: string): void {
  const handlers = server.listeners("request") as Array<(req: IncomingMessage, res: ServerResponse) => void>;
  server.removeAllListeners("request");
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    if (accessKeyOf(req.headers.authorization) === accessKeyId) {
      for (const h of handlers) h(req, res);
      return;
    }
    req.resume();
    res.writeHead(403, { "content-type": "application/x-amz-json-1.0" });
    res.end(
      JSON.stringify({
        __type: "com.amazonaws.dynamodb.v20120810#UnrecognizedClientException",
        message: "The security token included in the request is invalid.",
      }),
    );
  });
}
