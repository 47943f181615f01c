import { closePositionRoute } from "@stratdeck/core/api/routes/close-position";
import { lambdaLog, lambdaMarket, lambdaStrategies } from "../shared/lambda-deps";
import { ledgerStores } from "../shared/lambda-stores";
import { routeHandler } from "./route-handler";

const log = lambdaLog("api-close-position");

/** POST /positions/{id}/close (API Gateway HTTP API, payload 2.0): close at the fill model's price. */
export const handler = routeHandler(closePositionRoute, {
  deps: async () => {
    const m = await lambdaMarket(log);
    return { ...m, orders: ledgerStores(m).orders, strategies: await lambdaStrategies(m) };
  },
  log,
});
