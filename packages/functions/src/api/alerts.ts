import { DynamoAlertStore } from "@stratdeck/core/alerts/dynamo-alert-store";
import { alertsRoute } from "@stratdeck/core/api/routes/alerts";
import { lambdaLog, lambdaTables } from "../shared/lambda-deps";
import { routeHandler } from "./route-handler";

const log = lambdaLog("api-alerts");

/** GET /alerts (API Gateway HTTP API, payload 2.0): the alerts table only. */
export const handler = routeHandler(alertsRoute, {
  deps: async () => {
    const { doc, config, clock } = await lambdaTables(log);
    return { alerts: new DynamoAlertStore(doc, config.tables.alerts, clock) };
  },
  log,
});
