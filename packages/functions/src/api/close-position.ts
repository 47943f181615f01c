import { closePositionRoute } from "@stratdeck/core/api/routes/close-position";
import { lambdaDeps, lambdaLog } from "../shared/lambda-deps";
import { routeHandler } from "./route-handler";

const log = lambdaLog("api-close-position");

/** POST /positions/{id}/close (API Gateway HTTP API, payload 2.0), through the shared route table. */
export const handler = routeHandler(closePositionRoute, { deps: () => lambdaDeps(log), log });
