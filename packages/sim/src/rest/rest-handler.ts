import type { IncomingMessage, ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { readBody } from "./body";
import type { RestContext, RestRequest, Route } from "./context";
import { errorReply, HttpError, writeJson, type RestReply } from "./envelope";
import { hangUp, type RouteFaults } from "./route-faults";
import { ROUTES } from "./routes";

/** Bodies served while the `garbage` knob is on, in turn: not JSON, then JSON of the wrong shape. */
const GARBAGE = ["<html><body>502 Bad Gateway</body></html>", '{"data":{"items":"not-a-list"},"context":7}'];

/**
 * The access token of `Authorization: Bearer <token>`. OAuth access tokens go with the `Bearer`
 * scheme (tastytrade /docs/authentication/oauth2; both official SDKs send it); a bare token was
 * the decommissioned session-token form (tastyware/tastytrade#269) and is refused.
 */
function bearer(req: RestRequest): string {
  const h = req.headers.authorization;
  if (!h)
    throw new HttpError(401, "unauthorized", "Authorization header with a Bearer access token is required");
  const m = /^Bearer\s+(\S+)\s*$/i.exec(h);
  if (!m?.[1]) throw new HttpError(401, "unauthorized", "Authorization must be 'Bearer <access token>'");
  return m[1];
}

/**
 * RFC 9110 §10.1.5 User-Agent: `product[/version]` tokens. tastytrade answers 401 to a missing or
 * malformed one (developer.tastytrade.com "Getting started"); the official JS SDK sends the bare
 * product `tastytrade-sdk-js`, tastyware's Python SDK `tastyware/tastytrade:vX` style values.
 */
const TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
const USER_AGENT = new RegExp(`^${TOKEN}(/[^\\s/]+)?( .+)?$`);
/** `Accept-Version: YYYYMMDD` (the official JS SDK refuses any other form: /^\d{8}$/). */
const ACCEPT_VERSION = /^\d{8}$/;

/** Every route but `/oauth/token` needs a valid access token, chains and market data included. */
function checkAuth(req: RestRequest, ctx: RestContext): void {
  const token = bearer(req);
  const problem = ctx.accessTokens.problem(token);
  if (problem === "expired") throw new HttpError(401, "invalid_session", "The access token has expired");
  if (problem) throw new HttpError(401, "invalid_session", "The access token is invalid");
}

function match(method: string, rawPath: string): { route: Route; groups: string[] } | undefined {
  for (const route of ROUTES) {
    if (route.method !== method) continue;
    const m = route.pattern.exec(rawPath);
    if (m) return { route, groups: m.slice(1).map((g) => decodeURIComponent(g ?? "")) };
  }
  return undefined;
}

/**
 * Serves one REST request: fault knobs (slow, garbage, 429), the mandatory User-Agent, route
 * lookup, access-token check, body parsing, then the route; every failure in the error envelope.
 */
export class RestHandler {
  private garbageTurn = 0;
  requests = 0;

  constructor(
    private readonly ctx: RestContext,
    private readonly routeFaults?: RouteFaults,
  ) {}

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.requests += 1;
    const { faults, log } = this.ctx;
    const fault = this.routeFaults?.take(req.method ?? "GET", new URL(req.url ?? "/", "http://s").pathname);
    if (fault && !fault.afterHandling) return hangUp(res, fault);
    if (faults.slowMs > 0) await sleep(faults.slowMs);
    if (faults.garbageOn) {
      const body = GARBAGE[this.garbageTurn++ % GARBAGE.length] as string;
      res.writeHead(200, { "content-type": "application/json" });
      res.end(body);
      return;
    }
    const reply = await this.reply(req).catch((e: unknown): RestReply => {
      if (e instanceof HttpError) return errorReply(e);
      log.error("sim.rest.error", { path: req.url, error: (e as Error).message });
      return errorReply(new HttpError(500, "internal_error", "Simulator error"));
    });
    log.debug("sim.rest", { method: req.method, path: req.url, status: reply.status });
    if (fault) return hangUp(res, fault);
    writeJson(res, reply);
  }

  private async reply(raw: IncomingMessage): Promise<RestReply> {
    const url = new URL(raw.url ?? "/", "http://sim.local");
    const method = (raw.method ?? "GET").toUpperCase();
    const req: RestRequest = {
      method,
      path: url.pathname,
      params: url.searchParams,
      headers: raw.headers,
      body: {},
    };
    const ua = raw.headers["user-agent"];
    if (typeof ua !== "string" || ua.trim() === "") {
      throw new HttpError(401, "unauthorized", "A User-Agent header is required");
    }
    if (!USER_AGENT.test(ua)) {
      throw new HttpError(401, "unauthorized", "The User-Agent header must be <product>/<version>");
    }
    const version = raw.headers["accept-version"];
    if (typeof version === "string" && !ACCEPT_VERSION.test(version.trim())) {
      throw new HttpError(400, "invalid_api_version", "Accept-Version must be a date YYYYMMDD");
    }
    const found = match(method, url.pathname);
    if (!found) throw new HttpError(404, "not_found", `No route ${method} ${url.pathname}`);
    const { faults } = this.ctx;
    const touched = found.route.touches?.(req, found.groups) ?? [];
    if (faults.isRateLimited(touched)) {
      this.ctx.log.warn("sim.rest.429", { path: url.pathname, symbols: touched });
      throw new HttpError(429, "too_many_requests", "Rate limit exceeded, try again later");
    }
    if (found.route.auth) checkAuth(req, this.ctx);
    if (method === "POST") req.body = await readBody(raw);
    return found.route.handle(req, found.groups, this.ctx);
  }
}
