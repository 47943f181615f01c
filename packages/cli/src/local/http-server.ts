import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createTlsServer } from "node:https";
import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { errorBody } from "@stratdeck/core/api/error-body";
import { jsonText } from "@stratdeck/core/api/responses";
import type { Log } from "@stratdeck/core/log";

/** A request as the shared API route table sees it. */
export interface LocalApiRequest {
  method: string;
  path: string;
  headers: Record<string, string | undefined>;
  query: Record<string, string | undefined>;
  body?: string;
}

/** The shared route table's answer. */
export interface LocalApiResponse {
  status: number;
  headers?: Record<string, string>;
  body: unknown;
}

/** Largest accepted request body, bytes. */
const MAX_BODY = 64 * 1024;

const PHONE_PAGE = readFileSync(new URL("./phone-page.html", import.meta.url), "utf8");

/**
 * The local stand-in for API Gateway: serves the same routes (through the same route table and
 * bearer-token check as the Lambda handler) plus the phone page at `/` (the page holds no data; it
 * asks for the token and calls the protected routes).
 */
export async function startLocalHttpServer(opts: {
  host?: string;
  port?: number;
  handle: (req: LocalApiRequest) => Promise<LocalApiResponse>;
  log: Log;
  /** PEM certificate and key: serve HTTPS (the token then never crosses the network in clear). */
  tls?: { cert: string | Buffer; key: string | Buffer };
}): Promise<{ url: string; server: Server; stop(): Promise<void> }> {
  const handle = singleFlightGets(opts.handle);
  const listener = (req: IncomingMessage, res: ServerResponse): void =>
    void serve(req, res, handle, opts.log);
  const server: Server = opts.tls
    ? createTlsServer({ cert: opts.tls.cert, key: opts.tls.key }, listener)
    : createServer(listener);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, opts.host ?? "127.0.0.1", () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(":") ? `[${address}]` : address;
  return {
    url: `${opts.tls ? "https" : "http"}://${host}:${port}`,
    server,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function serve(
  req: IncomingMessage,
  res: ServerResponse,
  handle: (r: LocalApiRequest) => Promise<LocalApiResponse>,
  log: Log,
): Promise<void> {
  // Every response: no MIME sniffing, and never inside another site's frame.
  res.setHeader("x-content-type-options", "nosniff");
  res.setHeader("x-frame-options", "DENY");
  const url = new URL(req.url ?? "/", "http://localhost");
  if (req.method === "GET" && (url.pathname === "/" || url.pathname === "/index.html")) {
    res.writeHead(200, {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      "content-security-policy":
        "default-src 'self'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; frame-ancestors 'none'",
    });
    res.end(PHONE_PAGE);
    return;
  }
  if (req.method === "GET" && url.pathname === "/favicon.ico") {
    res.writeHead(204, { "cache-control": "max-age=86400" });
    res.end();
    return;
  }
  let body = "";
  try {
    body = await readBody(req);
  } catch {
    // Answer 413, drain what the client still sends, and close the connection after the answer.
    req.resume();
    send(res, 413, errorBody("payload-too-large", `request body over ${MAX_BODY} bytes`), {
      connection: "close",
    });
    return;
  }
  const headers: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(req.headers))
    headers[k.toLowerCase()] = Array.isArray(v) ? v.join(",") : v;
  try {
    const out = await handle({
      method: req.method ?? "GET",
      path: url.pathname,
      headers,
      query: Object.fromEntries(url.searchParams),
      ...(body ? { body } : {}),
    });
    send(res, out.status, out.body, out.headers);
  } catch (err) {
    log.error("api.error", { path: url.pathname, error: err });
    send(res, 500, errorBody("internal", "internal error"));
  }
}

/**
 * Identical GETs (same path, query and credentials) in flight at once share one answer: a burst of
 * polls or a load test costs one computation per route instead of one per request.
 */
export function singleFlightGets(
  handle: (r: LocalApiRequest) => Promise<LocalApiResponse>,
): (r: LocalApiRequest) => Promise<LocalApiResponse> {
  const inFlight = new Map<string, Promise<LocalApiResponse>>();
  return (r) => {
    if (r.method !== "GET") return handle(r);
    const key = JSON.stringify([r.path, r.query, r.headers.authorization ?? ""]);
    let p = inFlight.get(key);
    if (!p) {
      p = handle(r).finally(() => inFlight.delete(key));
      inFlight.set(key, p);
    }
    return p;
  };
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store", ...headers });
  res.end(jsonText(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        chunks.length = 0;
        reject(new Error("too large"));
        return;
      }
      chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
