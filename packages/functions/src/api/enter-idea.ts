import { enterIdeaRoute } from "@stratdeck/core/api/routes/enter-idea";
import { lambdaLog, lambdaMarket, lambdaStrategies } from "../shared/lambda-deps";
import { ledgerStores, venues } from "../shared/lambda-stores";
import { routeHandler } from "./route-handler";

const log = lambdaLog("api-enter-idea");

/** POST /ideas/{id}/enter (API Gateway HTTP API, payload 2.0): enter one idea of the stored report. */
export const handler = routeHandler(enterIdeaRoute, {
  deps: async () => {
    const m = await lambdaMarket(log);
    const stores = ledgerStores(m);
    return { ...m, ...stores, strategies: await lambdaStrategies(m), ...(await venues(m, stores.orders)) };
  },
  log,
});
