import { ideasRoute } from "@stratdeck/core/api/routes/ideas";
import { DynamoPaperOrderStore } from "@stratdeck/core/ledger/dynamo-paper-order-store";
import { DynamoStatusStore } from "@stratdeck/core/status/dynamo-status-store";
import { lambdaLog, lambdaTables } from "../shared/lambda-deps";
import { routeHandler } from "./route-handler";

const log = lambdaLog("api-ideas");

/** GET /ideas (API Gateway HTTP API, payload 2.0): the ideas job's stored report, duplicates of open positions marked. */
export const handler = routeHandler(ideasRoute, {
  deps: async () => {
    const { doc, config, clock } = await lambdaTables(log);
    return {
      status: new DynamoStatusStore(doc, config.tables.status, clock),
      orders: new DynamoPaperOrderStore(doc, config.tables.orders),
      clock,
    };
  },
  log,
});
