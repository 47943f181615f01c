import type { IncomingHttpHeaders } from "node:http";
import type { Clock } from "../../time";
import type { Log } from "../../log";
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
  /** Refuse requests that carry no Authorization header at all. */
  requireAuthorization: boolean;
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
  method: "GET" | "POST";
  /** Matched against the raw (still percent-encoded) path. */
  pattern: RegExp;
  /** Needs a valid access token (everything but /oauth/token). */
  auth: boolean;
  /** Symbols the request touches, for the rate-limit knob. */
  touches?(req: RestRequest, match: string[]): string[];
  handle(req: RestRequest, match: string[], ctx: RestContext): RestReply | Promise<RestReply>;
}
