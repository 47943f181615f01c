import { positionsRoute } from "@stratdeck/core/api/routes/positions";
import { lambdaLog, lambdaMarket, lambdaStrategies } from "../shared/lambda-deps";
import { ledgerStores } from "../shared/lambda-stores";
import { routeHandler } from "./route-handler";

const log = lambdaLog("api-positions");

/** GET /positions (API Gateway HTTP API, payload 2.0): open positions marked to market (read-only cooldowns). */
export const handler = routeHandler(positionsRoute, {
  deps: async () => {
    const m = await lambdaMarket(log, { readOnlyCooldowns: true });
    return { ...m, orders: ledgerStores(m).orders, strategies: await lambdaStrategies(m) };
  },
  log,
});
