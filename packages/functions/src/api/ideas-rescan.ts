import { ideasRescanRoute } from "@stratdeck/core/api";
import { lambdaDeps, lambdaLog } from "../shared/lambda-deps";
import { routeHandler } from "./route-handler";

const log = lambdaLog("api-ideas-rescan");

/** POST /ideas/rescan (API Gateway HTTP API, payload 2.0), through the shared route table. */
export const handler = routeHandler(ideasRescanRoute, { deps: () => lambdaDeps(log), log });
