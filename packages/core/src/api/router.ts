import * as z from "zod/mini";
import type { Log } from "../log/log";
import type { ApiAuthDeps, ApiRequest, ApiResponse, ApiRoute, RouteInput } from "./api-types";
import { isAuthorized } from "./auth/bearer-auth";
import { describeZodError, errorResponse, jsonResponse, unauthorizedResponse } from "./responses";

/** Erases a route's input types for a route table (the schemas still check them at runtime). */
export function defineRoute<D, P, Q, B>(route: ApiRoute<D, P, Q, B>): ApiRoute<D> {
  return route as unknown as ApiRoute<D>;
}

/** Path parameters when `path` matches `pattern` (`/positions/{id}/close`), else null. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split("/").filter(Boolean);
  const got = path.split("/").filter(Boolean);
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (const [i, w] of want.entries()) {
    const g = got[i] ?? "";
    if (w.startsWith("{") && w.endsWith("}")) {
      try {
        params[w.slice(1, -1)] = decodeURIComponent(g);
      } catch {
        return null;
      }
    } else if (w !== g) return null;
  }
  return params;
}

class BadRequest extends Error {}

function validate<T>(part: string, schema: z.core.$ZodType<T> | undefined, value: unknown): T {
  if (!schema) return value as T;
  const r = z.safeParse(schema, value);
  if (!r.success) throw new BadRequest(describeZodError(part, r.error));
  return r.data;
}

function parseBody(raw: string | null | undefined): unknown {
  if (raw === undefined || raw === null || raw.trim() === "") return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    throw new BadRequest("body: is not valid JSON");
  }
}

/**
 * Serves one request from a route table: bearer-token check first on every path (401 without or
 * with a wrong token, so unknown paths reveal nothing), then 404 for an unknown path, 405 for a
 * known path with another method, 400 naming the bad field, otherwise the route's own answer.
 * Unexpected errors become a 500 without details (logged as `api.error`).
 */
export async function routeApiRequest<D>(
  deps: D & ApiAuthDeps & { log: Log },
  req: ApiRequest,
  routes: readonly ApiRoute<D>[],
): Promise<ApiResponse> {
  const method = req.method.toUpperCase();
  const path = req.path.length > 1 ? req.path.replace(/\/+$/, "") : req.path;
  if (!isAuthorized(deps.apiToken, req.headers)) {
    return unauthorizedResponse();
  }
  const matches = routes
    .map((r) => ({ route: r, params: matchPath(r.pattern, path) }))
    .filter((m) => m.params !== null);
  if (matches.length === 0) return errorResponse(404, "not-found", `no route for ${path}`);
  const hit = matches.find((m) => m.route.method === method);
  if (!hit) {
    const allow = [...new Set(matches.map((m) => m.route.method))].join(", ");
    return errorResponse(
      405,
      "method-not-allowed",
      `${method} is not allowed on ${path}`,
      { allow },
      { allow },
    );
  }
  const { route } = hit;
  try {
    const input: RouteInput<unknown, unknown, unknown> = {
      params: validate("path", route.params, hit.params),
      query: validate("query", route.query, { ...(req.query ?? {}) }),
      body: route.body ? validate("body", route.body, parseBody(req.body)) : undefined,
    };
    const res = await route.handle(deps, input);
    return jsonResponse(res.status, res.body);
  } catch (err) {
    if (err instanceof BadRequest) return errorResponse(400, "bad-request", err.message);
    deps.log.error("api.error", { method, route: route.pattern, error: err as Error });
    return errorResponse(500, "internal", "internal error");
  }
}
