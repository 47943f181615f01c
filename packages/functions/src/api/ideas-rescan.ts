import { ideasRescanRoute } from "@stratdeck/core/api/routes/ideas-rescan";
import { lambdaLog, lambdaMarket, lambdaStrategies } from "../shared/lambda-deps";
import { ledgerStores } from "../shared/lambda-stores";
import { routeHandler } from "./route-handler";

const log = lambdaLog("api-ideas-rescan");

/** POST /ideas/rescan (API Gateway HTTP API, payload 2.0): scan now and store the report. */
export const handler = routeHandler(ideasRescanRoute, {
  deps: async () => {
    const m = await lambdaMarket(log);
    return { ...m, status: ledgerStores(m).status, strategies: await lambdaStrategies(m) };
  },
  log,
});
