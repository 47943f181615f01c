import type { IncomingHttpHeaders } from "node:http";
import type { Clock } from "@stratdeck/core/time";
import type { Log } from "@stratdeck/core/log";
import type { SimBroker } from "../broker/sim-broker";
import type { FaultState } from "../faults";
import type { SyntheticMarket } from "../market";
import type { TokenBook } from "../tokens";
import type { QuoteTokenGrant } from "../types";
import type { RestReply } from "./envelope";

/** What REST handlers may use. */
export interface RestContext {
  market: SyntheticMarket;
  clock: Clock;
  accessTokens: TokenBook;
  faults: FaultState;
  log: Log;
  /** The simulated account: orders, fills, positions, buying power. */
  broker: SimBroker;
  /** `/api-quote-tokens` without `issued-at`/`expires-at` (as in tastytrade's doc examples). */
  quoteTokenWithoutExpiry: boolean;
  issueQuoteToken(): QuoteTokenGrant;
}

/** A parsed request. */
export interface RestRequest {
  method: string;
  /** Decoded path segments after the leading slash. */
  path: string;
  params: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: unknown;
}

/** One route of the REST simulator. */
export interface Route {
  method: "GET" | "POST" | "DELETE";
  /** Matched against the raw (still percent-encoded) path. */
  pattern: RegExp;
  /** Needs a valid `Bearer` access token (everything but /oauth/token and public calendars). */
  auth: boolean;
  /** Symbols the request touches, for the rate-limit knob. */
  touches?(req: RestRequest, match: string[]): string[];
  handle(req: RestRequest, match: string[], ctx: RestContext): RestReply | Promise<RestReply>;
}
