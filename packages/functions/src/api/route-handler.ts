import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import type { ApiRoute } from "@stratdeck/core/api";
import { isAuthorized } from "@stratdeck/core/api/auth";
import { errorResponse, unauthorizedResponse } from "@stratdeck/core/api/responses";
import { routeApiRequest } from "@stratdeck/core/api/router";
import type { Log } from "@stratdeck/core/log";
import { lambdaEnv } from "../shared/lambda-env";
import { toApiRequest, toLambdaResult } from "./http-event";

/** Where a route handler gets its deps and the expected token (injectable for tests). */
export interface RouteHandlerOptions<D> {
  /** Deps, built once per container by the caller. */
  deps: () => Promise<D>;
  log: Log;
  /** Expected bearer token; default the STRATDECK_API_TOKEN secret. */
  apiToken?: () => Promise<string | undefined>;
}

const unavailable = () =>
  toLambdaResult(errorResponse(503, "unavailable", "the service is not configured or not reachable"));

/**
 * A Lambda handler serving one route through the shared route table: parse the API Gateway v2
 * event, check the bearer token before building any deps (an unauthorized request costs no store
 * or REST setup), then answer from the route. Secrets or deps that cannot be loaded give a 503
 * without details (logged).
 */
export function routeHandler<D>(route: ApiRoute<D>, options: RouteHandlerOptions<D>) {
  const token = options.apiToken ?? (async () => (await lambdaEnv()).STRATDECK_API_TOKEN);
  const { log } = options;
  return async (event: unknown): Promise<APIGatewayProxyStructuredResultV2> => {
    const parsed = toApiRequest(event);
    if (!parsed.ok) return toLambdaResult(errorResponse(400, "bad-request", parsed.message));
    let apiToken: string | undefined;
    let deps: D;
    try {
      apiToken = await token();
      if (!isAuthorized(apiToken, parsed.request.headers)) return toLambdaResult(unauthorizedResponse());
      deps = await options.deps();
    } catch (err) {
      log.error("api.unavailable", { route: route.pattern, error: err as Error });
      return unavailable();
    }
    return toLambdaResult(await routeApiRequest({ ...deps, apiToken, log }, parsed.request, [route]));
  };
}
