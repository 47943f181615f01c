import type * as z from "zod/mini";
import type { BrokerCalendar } from "../time/calendar-confirmation";
import { equityCalendarResponse, toBrokerCalendar } from "./calendar-wire";
import type { TastyConfig } from "../config/app-config";
import type { QuoteTokenGrant } from "../dxlink/quote-token";
import type { Log } from "../log/log";
import { registerSecret } from "../log/secret-registry";
import type { MarketMetrics } from "../market-data/market-data-provider";
import type { OptionChain } from "../market-data/option-chain";
import type { Clock } from "../time/clock";
import { AccessTokenManager, DEFAULT_REFRESH_MARGIN_MS } from "./access-token";
import { accountsResponse, toTastyAccount, type TastyAccount } from "./account-wire";
import { ChainCache } from "./chain-cache";
import { nestedChainResponse, toOptionChain } from "./chain-wire";
import type { Cooldown, CooldownStore } from "./cooldown-store";
import { DEFAULT_COOLDOWN_MS, RestCooldownGate } from "./cooldown-gate";
import {
  marketDataResponse,
  toRestQuote,
  type MarketDataType,
  type RestQuote,
  type SymbolsByType,
} from "./market-data-wire";
import { marketMetricsResponse, toMarketMetrics } from "./market-metrics-wire";
import { MemoryCooldownStore } from "./memory-cooldown-store";
import { accessTokenResponse, type AccessToken } from "./oauth-wire";
import {
  dryRunResponse,
  orderRequestBody,
  toDryRunResult,
  type DryRunResult,
  type OrderRequest,
} from "./order-wire";
import { errorFromResponse, parseBody } from "./parse-body";
import {
  orderResponse,
  placeOrderResponse,
  positionsResponse,
  toBrokerOrder,
  toBrokerPosition,
  type BrokerOrder,
  type BrokerPosition,
  type PlacedOrderReply,
} from "./placed-order-wire";
import { quoteTokenResponse, toQuoteTokenGrant } from "./quote-token-wire";
import { restBaseUrl } from "./rest-base-url";
import { commaQuery, sendRest } from "./rest-transport";
import { TastyApiError } from "./tasty-api-error";

/** Most symbols GET /market-data/by-type accepts per call (all types combined). */
export const MARKET_DATA_BATCH = 100;
/** Default request deadline, ms. */
export const DEFAULT_REST_TIMEOUT_MS = 10_000;

/** What {@link TastyRestClient} needs. */
export interface TastyRestClientOptions {
  tasty: TastyConfig;
  clock: Clock;
  log: Log;
  /** Shared 429 cooldowns (DynamoDB in deployments); default in-memory. */
  cooldowns?: CooldownStore;
  /** Cooldown after a 429, ms (default 60 000). */
  cooldownMs?: number;
  /** Request deadline, ms (default 10 000). */
  timeoutMs?: number;
  /** Renew the access token when less than this is left, ms (default 60 000). */
  refreshMarginMs?: number;
  /** HTTP implementation (default global fetch). */
  fetch?: typeof fetch;
}

/** A batch answer: what was fetched, plus the symbols skipped because they are in cooldown. */
export interface Gated<T> {
  items: T[];
  cooldown: Cooldown[];
}

interface CallSpec<S extends z.core.$ZodType> {
  method: "GET" | "POST" | "DELETE";
  /** Path without query, e.g. `/market-data/by-type`. */
  path: string;
  query?: string;
  body?: unknown;
  schema: S;
  /** Cooldown keys of this call (symbols); default `rest:<path>`. */
  keys?: readonly string[];
  /** The caller already removed keys in cooldown. */
  gated?: boolean;
  /** Send the bearer token (all but /oauth/token). */
  auth?: boolean;
}

/**
 * tastytrade REST client: OAuth refresh-token flow with early single-flight renewal and one retry
 * on 401, the mandatory User-Agent, request deadlines, one error funnel (TastyApiError), zod-parsed
 * bodies, and 429 cooldowns per symbol so a throttled symbol is not requested again until it ends.
 */
export class TastyRestClient {
  readonly baseUrl: string;
  readonly gate: RestCooldownGate;
  private readonly tokens: AccessTokenManager;
  private readonly chains: ChainCache;
  private readonly fetchFn: typeof fetch;
  private readonly timeoutMs: number;
  private readonly clock: Clock;
  private readonly log: Log;

  constructor(private readonly options: TastyRestClientOptions) {
    registerSecret(options.tasty.clientSecret);
    registerSecret(options.tasty.refreshToken);
    this.baseUrl = restBaseUrl(options.tasty);
    this.clock = options.clock;
    this.log = options.log;
    this.fetchFn = options.fetch ?? fetch;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_REST_TIMEOUT_MS;
    const store = options.cooldowns ?? new MemoryCooldownStore(options.clock);
    this.gate = new RestCooldownGate(store, options.log, options.cooldownMs ?? DEFAULT_COOLDOWN_MS);
    this.tokens = new AccessTokenManager(
      () => this.fetchAccessToken(),
      options.clock,
      options.refreshMarginMs ?? DEFAULT_REFRESH_MARGIN_MS,
    );
    this.chains = new ChainCache(options.clock);
  }

  /** OAuth refreshes done so far (each one POST /oauth/token). */
  get tokenRefreshes(): number {
    return this.tokens.refreshes;
  }

  /** A valid access token (refreshed when needed); used by the health check to time the OAuth step. */
  accessToken(): Promise<string> {
    return this.tokens.get();
  }

  /** A DXLink quote token (GET /api-quote-tokens); valid ~24 h. */
  async getQuoteToken(): Promise<QuoteTokenGrant> {
    const body = await this.call({ method: "GET", path: "/api-quote-tokens", schema: quoteTokenResponse });
    const grant = toQuoteTokenGrant(body, this.clock.now());
    registerSecret(grant.token);
    return grant;
  }

  /** The nested option chain of `underlying` (every root), cached per trading day. */
  getNestedChain(underlying: string): Promise<OptionChain> {
    return this.chains.get(underlying, async (day) => {
      const path = `/option-chains/${encodeURIComponent(underlying)}/nested`;
      const body = await this.call({ method: "GET", path, schema: nestedChainResponse, keys: [underlying] });
      const chain = toOptionChain(underlying, body, day, this.clock.now());
      for (const s of chain.skipped ?? []) this.log.warn("rest.chain.skipped", { underlying, ...s });
      return chain;
    });
  }

  /**
   * REST quotes by instrument type (REST symbols: OCC for options), batched ≤100 per call. Symbols
   * in cooldown are not requested; a 429 puts the batch and the rest of the request in cooldown.
   */
  async getMarketData(symbols: SymbolsByType): Promise<Gated<RestQuote>> {
    const pairs: Array<[MarketDataType, string]> = [];
    for (const [type, list] of Object.entries(symbols) as Array<[MarketDataType, readonly string[]]>) {
      for (const s of new Set(list)) pairs.push([type, s]);
    }
    const { allowed, cooled } = await this.gate.split(pairs.map(([, s]) => s));
    const ok = new Set(allowed);
    const todo = pairs.filter(([, s]) => ok.has(s));
    const items: RestQuote[] = [];
    for (let i = 0; i < todo.length; i += MARKET_DATA_BATCH) {
      const batch = todo.slice(i, i + MARKET_DATA_BATCH);
      const byType = new Map<MarketDataType, string[]>();
      for (const [t, s] of batch) byType.set(t, [...(byType.get(t) ?? []), s]);
      try {
        const body = await this.call({
          method: "GET",
          path: "/market-data/by-type",
          query: commaQuery([...byType.entries()]),
          schema: marketDataResponse,
          keys: batch.map(([, s]) => s),
          gated: true,
        });
        items.push(...body.data.items.map(toRestQuote));
      } catch (err) {
        if (!(err instanceof TastyApiError) || err.kind !== "rate-limit") throw err;
        const rest = todo.slice(i + MARKET_DATA_BATCH).map(([, s]) => s);
        const more = rest.length > 0 ? await this.gate.trip(rest, err.endpoint) : [];
        const keys = batch.map(([, s]) => s);
        return { items, cooldown: [...cooled, ...this.cooledBy(err, keys), ...more] };
      }
    }
    return { items, cooldown: cooled };
  }

  /** IV rank/percentile per symbol (GET /market-metrics); symbols in cooldown are skipped. */
  async getMarketMetrics(symbols: readonly string[]): Promise<Gated<MarketMetrics>> {
    const { allowed, cooled } = await this.gate.split(symbols);
    if (allowed.length === 0) return { items: [], cooldown: cooled };
    try {
      const body = await this.call({
        method: "GET",
        path: "/market-metrics",
        query: commaQuery([["symbols", allowed]]),
        schema: marketMetricsResponse,
        keys: allowed,
        gated: true,
      });
      return { items: body.data.items.map(toMarketMetrics), cooldown: cooled };
    } catch (err) {
      if (!(err instanceof TastyApiError) || err.kind !== "rate-limit") throw err;
      return { items: [], cooldown: [...cooled, ...this.cooledBy(err, allowed)] };
    }
  }

  /** The cooldowns a 429 on `symbols` started (the call funnel already stored them). */
  private cooledBy(err: TastyApiError, symbols: readonly string[]): Cooldown[] {
    const now = this.clock.now();
    const until = err.cooldownUntil ?? now + this.gate.windowMs;
    return symbols.map((symbol) => ({ symbol, until, reason: `http-429 ${err.endpoint}`, setAt: now }));
  }

  /** tastytrade's equity holidays and half days (confirms the NYSE calendar in live mode). */
  async getEquityCalendar(): Promise<BrokerCalendar> {
    const body = await this.call({
      method: "GET",
      path: "/market-time/equities/holidays",
      schema: equityCalendarResponse,
    });
    return toBrokerCalendar(body);
  }

  /** Accounts the OAuth grant can see. */
  async getAccounts(): Promise<TastyAccount[]> {
    const body = await this.call({ method: "GET", path: "/customers/me/accounts", schema: accountsResponse });
    return body.data.items.map(toTastyAccount);
  }

  /** Validates an order without placing it (buying-power effect and fees in cents). */
  async dryRunOrder(accountNumber: string, order: OrderRequest): Promise<DryRunResult> {
    const body = await this.call({
      method: "POST",
      path: `/accounts/${encodeURIComponent(accountNumber)}/orders/dry-run`,
      body: orderRequestBody(order),
      schema: dryRunResponse,
      keys: ["rest:/accounts/orders/dry-run"],
    });
    return toDryRunResult(body);
  }

  /**
   * Places an order for real (POST /accounts/{acct}/orders, the body the dry run validated). A
   * preflight failure is a `validation` TastyApiError carrying tastytrade's sub-errors.
   */
  async placeOrder(accountNumber: string, order: OrderRequest): Promise<PlacedOrderReply> {
    const body = await this.call({
      method: "POST",
      path: `/accounts/${encodeURIComponent(accountNumber)}/orders`,
      body: orderRequestBody(order),
      schema: placeOrderResponse,
      keys: ["rest:/accounts/orders"],
    });
    const d = body.data;
    return { order: toBrokerOrder(d.order), warnings: d.warnings, errors: d.errors };
  }

  /** One placed order with its status and fills (GET /accounts/{acct}/orders/{id}). */
  async getOrder(accountNumber: string, orderId: string): Promise<BrokerOrder> {
    const body = await this.call({
      method: "GET",
      path: `/accounts/${encodeURIComponent(accountNumber)}/orders/${encodeURIComponent(orderId)}`,
      schema: orderResponse,
      keys: ["rest:/accounts/orders/id"],
    });
    return toBrokerOrder(body.data);
  }

  /** Cancels a working order (DELETE /accounts/{acct}/orders/{id}); returns the order after it. */
  async cancelOrder(accountNumber: string, orderId: string): Promise<BrokerOrder> {
    const body = await this.call({
      method: "DELETE",
      path: `/accounts/${encodeURIComponent(accountNumber)}/orders/${encodeURIComponent(orderId)}`,
      schema: orderResponse,
      // Its own cooldown key: a 429 on a poll must not hold back the cancel (nor the reverse).
      keys: ["rest:/accounts/orders/id:cancel"],
    });
    return toBrokerOrder(body.data);
  }

  /** Positions the broker holds (GET /accounts/{acct}/positions). */
  async getPositions(accountNumber: string): Promise<BrokerPosition[]> {
    const body = await this.call({
      method: "GET",
      path: `/accounts/${encodeURIComponent(accountNumber)}/positions`,
      schema: positionsResponse,
      keys: ["rest:/accounts/positions"],
    });
    return body.data.items.map(toBrokerPosition);
  }

  private async fetchAccessToken(): Promise<AccessToken> {
    const body = await this.call({
      method: "POST",
      path: "/oauth/token",
      body: {
        grant_type: "refresh_token",
        refresh_token: this.options.tasty.refreshToken,
        client_secret: this.options.tasty.clientSecret,
      },
      schema: accessTokenResponse,
      auth: false,
    });
    registerSecret(body.access_token);
    const lifetimeMs = body.expires_in * 1000;
    this.log.debug("rest.token", { expiresInMs: lifetimeMs });
    return { token: body.access_token, expiresAt: this.clock.now() + lifetimeMs, lifetimeMs };
  }

  /** The funnel: cooldown check, auth, send, one retry on 401, 429 → cooldown, errors, zod. */
  private async call<S extends z.core.$ZodType>(spec: CallSpec<S>): Promise<z.output<S>> {
    const endpoint = `${spec.method} ${spec.path}`;
    const keys = spec.keys ?? [`rest:${spec.path}`];
    if (!spec.gated) {
      const { cooled } = await this.gate.split(keys);
      const c = cooled[0];
      if (c) {
        throw new TastyApiError({
          kind: "cooldown",
          endpoint,
          message: `${c.symbol} in REST cooldown until ${new Date(c.until).toISOString()} (${c.reason})`,
          cooldownUntil: c.until,
        });
      }
    }
    try {
      const auth = spec.auth !== false;
      const send = async (accessToken?: string) =>
        sendRest(this.fetchFn, this.baseUrl, {
          method: spec.method,
          path: spec.path + (spec.query ?? ""),
          endpoint,
          body: spec.body,
          timeoutMs: this.timeoutMs,
          ...(accessToken ? { accessToken } : {}),
        });
      let token = auth ? await this.tokens.get() : undefined;
      let res = await send(token);
      if (res.status === 401 && token) {
        this.tokens.invalidate(token);
        token = await this.tokens.get();
        res = await send(token);
      }
      if (res.status === 429) {
        const tripped = await this.gate.trip(keys, endpoint);
        throw new TastyApiError({
          kind: "rate-limit",
          endpoint,
          status: 429,
          message: `HTTP 429 rate limited; cooldown ${this.gate.windowMs} ms on ${keys.length} symbol(s)`,
          cooldownUntil: tripped[0]?.until ?? this.clock.now() + this.gate.windowMs,
        });
      }
      if (res.status < 200 || res.status >= 300) throw errorFromResponse(res.status, res.text, endpoint);
      return parseBody(spec.schema, res.text, endpoint);
    } catch (err) {
      if (err instanceof TastyApiError && err.kind !== "rate-limit" && err.endpoint === endpoint) {
        const { message, ...fields } = err.toJSON();
        this.log.warn("rest.error", { ...fields, detail: message });
      }
      throw err;
    }
  }
}
