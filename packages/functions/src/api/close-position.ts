import { closePositionRoute } from "@stratdeck/core/api/routes/close-position";
import { lambdaLog, lambdaMarket, lambdaStrategies } from "../shared/lambda-deps";
import { ledgerStores, venues } from "../shared/lambda-stores";
import { routeHandler } from "./route-handler";

const log = lambdaLog("api-close-position");

/** POST /positions/{id}/close (API Gateway HTTP API, payload 2.0): close a position (paper, or live when armed and confirmed). */
export const handler = routeHandler(closePositionRoute, {
  deps: async () => {
    const m = await lambdaMarket(log);
    const { orders } = ledgerStores(m);
    return { ...m, orders, strategies: await lambdaStrategies(m), ...(await venues(m, orders)) };
  },
  log,
});
