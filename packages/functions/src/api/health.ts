import { healthRoute } from "@stratdeck/core/api/routes/health";
import { DynamoStatusStore } from "@stratdeck/core/status/dynamo-status-store";
import { lambdaLog, lambdaTables } from "../shared/lambda-deps";
import { routeHandler } from "./route-handler";

const log = lambdaLog("api-health");

/** GET /health (API Gateway HTTP API, payload 2.0): the stored checks and heartbeats (status table only). */
export const handler = routeHandler(healthRoute, {
  deps: async () => {
    const { doc, config, clock } = await lambdaTables(log);
    return { status: new DynamoStatusStore(doc, config.tables.status, clock), clock, config };
  },
  log,
});
