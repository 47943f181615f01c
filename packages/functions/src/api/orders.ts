import { DynamoPaperOrderStore } from "@stratdeck/core/ledger/dynamo-paper-order-store";
import { ordersRoute } from "@stratdeck/core/api/routes/orders";
import { lambdaLog, lambdaTables } from "../shared/lambda-deps";
import { routeHandler } from "./route-handler";

const log = lambdaLog("api-orders");

/** GET /orders (API Gateway HTTP API, payload 2.0): the order log only. */
export const handler = routeHandler(ordersRoute, {
  deps: async () => {
    const { doc, config } = await lambdaTables(log);
    return { orders: new DynamoPaperOrderStore(doc, config.tables.orders).reportLegacyReads(log) };
  },
  log,
});
