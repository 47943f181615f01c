import type * as z from "zod/mini";

/** An HTTP request, independent of the server that received it (Lambda, node:http). */
export interface ApiRequest {
  /** HTTP method, any case. */
  method: string;
  /** Path without query string, e.g. `/positions/pos_1/close`. */
  path: string;
  /** Header names in any case; duplicate values comma-joined. */
  headers: Readonly<Record<string, string | undefined>>;
  /** Query string parameters; duplicate values comma-joined. */
  query?: Readonly<Record<string, string | undefined>>;
  /** Raw request body (UTF-8 text), if any. */
  body?: string | null;
}

/** An HTTP response with a JSON body. */
export interface ApiResponse {
  status: number;
  headers: Record<string, string>;
  /** JSON-serialisable value (the sending server stringifies it). */
  body: unknown;
}

/** What a route handler returns: a status and a JSON-serialisable value. */
export interface RouteResult {
  status: number;
  body: unknown;
}

/** Validated input of a route. */
export interface RouteInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
}

/**
 * One route: method, path pattern with `{name}` segments, zod schemas for each input part, and a
 * handler taking the narrow deps it needs. `handle` is a property (not a method) so a table of
 * routes infers the intersection of their deps.
 */
export interface ApiRoute<D, P = unknown, Q = unknown, B = unknown> {
  method: "GET" | "POST";
  /** e.g. `/positions/{id}/close`. */
  pattern: string;
  params?: z.core.$ZodType<P>;
  query?: z.core.$ZodType<Q>;
  body?: z.core.$ZodType<B>;
  handle: (deps: D, input: RouteInput<P, Q, B>) => Promise<RouteResult>;
}

/** Deps of the API itself: the bearer token every request must carry. */
export interface ApiAuthDeps {
  /** Expected bearer token; empty or absent refuses every request (fail closed). */
  apiToken: string | undefined;
}
