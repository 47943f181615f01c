import { alertsRoute } from "@stratdeck/core/api";
import { lambdaDeps, lambdaLog } from "../shared/lambda-deps";
import { routeHandler } from "./route-handler";

const log = lambdaLog("api-alerts");

/** GET /alerts (API Gateway HTTP API, payload 2.0), through the shared route table. */
export const handler = routeHandler(alertsRoute, {
  deps: () => lambdaDeps(log, { withoutTasty: true }),
  log,
});
