import type { Log } from "../log/log";
import type { ApiAuthDeps, ApiRequest, ApiResponse } from "./api-types";
import { routeApiRequest } from "./router";
import { API_ROUTES } from "./routes/index";

type DepsOf<R> = R extends { handle: (deps: infer D, ...rest: never[]) => unknown } ? D : never;
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void
  ? I
  : never;

/** Everything the full route table needs: each route's narrow deps, the token and a log. */
export type ApiDeps = UnionToIntersection<DepsOf<(typeof API_ROUTES)[number]>> & ApiAuthDeps & { log: Log };

/** Serves one request from the full StratDeck route table ({@link API_ROUTES}). */
export function handleApiRequest(deps: ApiDeps, req: ApiRequest): Promise<ApiResponse> {
  return routeApiRequest(deps, req, API_ROUTES);
}
