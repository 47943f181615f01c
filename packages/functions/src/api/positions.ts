import { positionsRoute } from "@stratdeck/core/api/routes/positions";
import { lambdaDeps, lambdaLog } from "../shared/lambda-deps";
import { routeHandler } from "./route-handler";

const log = lambdaLog("api-positions");

/** GET /positions (API Gateway HTTP API, payload 2.0), through the shared route table. */
export const handler = routeHandler(positionsRoute, {
  deps: () => lambdaDeps(log, { readOnlyCooldowns: true }),
  log,
});
