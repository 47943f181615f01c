import { historyRoute } from "@stratdeck/core/api";
import { lambdaDeps, lambdaLog } from "../shared/lambda-deps";
import { routeHandler } from "./route-handler";

const log = lambdaLog("api-history");

/** GET /history (API Gateway HTTP API, payload 2.0), through the shared route table. */
export const handler = routeHandler(historyRoute, {
  deps: () => lambdaDeps(log, { withoutTasty: true }),
  log,
});
