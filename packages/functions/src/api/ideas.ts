import { ideasRoute } from "@stratdeck/core/api";
import { lambdaDeps, lambdaLog } from "../shared/lambda-deps";
import { routeHandler } from "./route-handler";

const log = lambdaLog("api-ideas");

/** GET /ideas (API Gateway HTTP API, payload 2.0), through the shared route table. */
export const handler = routeHandler(ideasRoute, {
  deps: () => lambdaDeps(log, { withoutTasty: true }),
  log,
});
