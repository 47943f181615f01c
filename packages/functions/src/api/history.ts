import { historyRoute } from "@stratdeck/core/api/routes/history";
import { DynamoPaperOrderStore } from "@stratdeck/core/ledger/dynamo-paper-order-store";
import { lambdaLog, lambdaTables } from "../shared/lambda-deps";
import { routeHandler } from "./route-handler";

const log = lambdaLog("api-history");

/** GET /history (API Gateway HTTP API, payload 2.0): closed positions from the order log only. */
export const handler = routeHandler(historyRoute, {
  deps: async () => {
    const { doc, config } = await lambdaTables(log);
    return { orders: new DynamoPaperOrderStore(doc, config.tables.orders).reportLegacyReads(log) };
  },
  log,
});
