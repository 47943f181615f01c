import { createRequire } from "node:module";
import { Readable } from "node:stream";
import type { AddressInfo } from "node:net";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { RunningEngine } from "@stratdeck/core/storage";
import { levelFolderDamage } from "../integrity/level-folder-check";
import { storeDamaged, storeIoFailed } from "../store-errors";
import { compactorFor } from "./level-compaction";
import { openedLevel } from "./level-hook";
import { sigV4Valid } from "./sigv4-verify";

const require = createRequire(import.meta.url);

export interface DynaliteOptions {
  /** Port on 127.0.0.1; 0 picks a free one. */
  port?: number;
  /** LevelDB folder for persistence; omitted means in memory. */
  path?: string;
  /** The folder errors name when `path` is a temporary copy of it (default `path`). */
  reportAs?: string;
  /**
   * When set, requests must be signed with this access key id (any other gets 403
   * UnrecognizedClientException), so a local process without the state folder's credential
   * cannot read or write the tables.
   */
  accessKeyId?: string;
  /**
   * With `accessKeyId`: the secret the request's SigV4 signature must be made with (method, path,
   * signed headers and body are verified), so knowing the key id alone is not enough.
   */
  secretAccessKey?: string;
  /** Compacts the LevelDB folder this often, ms, so overwritten snapshots do not pile up (default 15 000; 0 = never). */
  compactEveryMs?: number;
}

/** Access key id of a SigV4 `Authorization` header, or null. */
export function accessKeyOf(authorization: string | undefined): string | null {
  const m = /Credential=([^/,\s]+)\//.exec(authorization ?? "");
  return m?.[1] ?? null;
}

/** Waits for dynalite's LevelDB on `path` to open; a refusal becomes a StateStoreError naming `named`. */
async function storeOpened(path: string, named: string): Promise<void> {
  let db = openedLevel(path);
  for (let i = 0; !db && i < 100; i++) {
    await new Promise((r) => setImmediate(r));
    db = openedLevel(path);
  }
  if (!db) return;
  try {
    await db.open();
  } catch (err) {
    const e = err as { code?: string; message?: string; cause?: { message?: string } };
    const detail = [e.message, e.cause?.message].filter(Boolean).join(": ");
    throw /corrupt/i.test(detail)
      ? storeDamaged(named, detail)
      : storeIoFailed(named, e.code ?? "LEVEL_ERROR", detail);
  }
}

/**
 * Starts dynalite (pure-JS DynamoDB) in this process on loopback, with zero table
 * create/delete delays. It has no transactions and no TTL expiry; StratDeck uses neither.
 * A LevelDB folder is checked first ({@link levelFolderDamage}) and never opened when damaged:
 * a StateStoreError names the folder, what is wrong and how to recover.
 */
export async function startDynalite(options: DynaliteOptions = {}): Promise<RunningEngine> {
  const dynalite = require("dynalite") as (opts: Record<string, unknown>) => Server;
  // The check only reads, so it runs on the original even when `path` is its copy.
  const named = options.reportAs ?? options.path;
  const damage = named ? levelFolderDamage(named) : null;
  if (named && damage) throw storeDamaged(named, damage);
  const compactor = options.path ? compactorFor(options.path) : null;
  const server = dynalite({
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
    ...(options.path ? { path: options.path } : {}),
  });
  if (options.accessKeyId) guard(server, options.accessKeyId, options.secretAccessKey);
  const inFlight = trackRequests(server);
  try {
    if (options.path) await storeOpened(options.path, named ?? options.path);
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
    });
  } catch (err) {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    compactor?.forget();
    throw err;
  }
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
      // A request still being handled (one its client gave up on after a timeout and sent again)
      // finishes before the store closes: cut short, its next LevelDB call would throw
      // "Database is closed" into a command that has already succeeded.
      await inFlight.drained(STOP_DRAIN_MS);
      server.closeAllConnections?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      compactor?.forget();
    },
  };
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

function refuse(res: ServerResponse, type: string, message: string): void {
  res.writeHead(403, { "content-type": "application/x-amz-json-1.0" });
  res.end(JSON.stringify({ __type: `com.amazonaws.dynamodb.v20120810#${type}`, message }));
}

/** The whole request body, then the request again as a stream dynalite can read. */
async function buffered(req: IncomingMessage): Promise<{ body: Buffer; replay: IncomingMessage }> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const body = Buffer.concat(chunks);
  const replay = Object.assign(Readable.from(body.length ? [body] : []), {
    headers: req.headers,
    method: req.method,
    url: req.url,
    socket: req.socket,
  }) as unknown as IncomingMessage;
  return { body, replay };
}

/**
 * Puts a credential check in front of dynalite's request handler: the key id must match, and with
 * a secret the SigV4 signature must verify ({@link sigV4Valid}) over the request and its body.
 */
function guard(server: Server, accessKeyId: string, secretAccessKey?: string): void {
  const handlers = server.listeners("request") as Handler[];
  server.removeAllListeners("request");
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    if (accessKeyOf(req.headers.authorization) !== accessKeyId) {
      req.resume();
      refuse(res, "UnrecognizedClientException", "The security token included in the request is invalid.");
      return;
    }
    if (!secretAccessKey) {
      for (const h of handlers) h(req, res);
      return;
    }
    buffered(req).then(
      ({ body, replay }) => {
        if (sigV4Valid(req, body, accessKeyId, secretAccessKey)) for (const h of handlers) h(replay, res);
        else
          refuse(
            res,
            "InvalidSignatureException",
            "The request signature we calculated does not match the signature you provided.",
          );
      },
      () => res.destroy(),
    );
  });
}

/** Longest wait at stop for requests still being handled, ms. */
const STOP_DRAIN_MS = 10_000;

/**
 * Counts the requests the server is handling, from arrival until the handler ends the response
 * (not until the client goes away: a handler whose client disconnected keeps running).
 */
function trackRequests(server: Server): { drained(maxMs: number): Promise<void> } {
  let active = 0;
  const handlers = server.listeners("request") as Handler[];
  server.removeAllListeners("request");
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    active += 1;
    let ended = false;
    const end = res.end.bind(res) as (...a: unknown[]) => ServerResponse;
    res.end = ((...a: unknown[]) => {
      if (!ended) {
        ended = true;
        active -= 1;
      }
      return end(...a);
    }) as ServerResponse["end"];
    for (const h of handlers) h(req, res);
  });
  return {
    async drained(maxMs) {
      const until = Date.now() + maxMs;
      while (active > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    },
  };
}
