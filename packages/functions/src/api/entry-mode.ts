import { entryModeRoute } from "@stratdeck/core/api/routes/entry-mode";
import { lambdaLog, lambdaStrategies, lambdaTables } from "../shared/lambda-deps";
import { ledgerStores } from "../shared/lambda-stores";
import { routeHandler } from "./route-handler";

const log = lambdaLog("api-entry-mode");

/** POST /strategies/{name}/entry-mode (API Gateway HTTP API, payload 2.0): switch a strategy's entry mode. */
export const handler = routeHandler(entryModeRoute, {
  deps: async () => {
    const t = await lambdaTables(log);
    // Only the strategies' names and entry modes are read here: no quote age applies (0).
    return { status: ledgerStores(t).status, strategies: await lambdaStrategies({ ...t, maxAgeMs: 0 }) };
  },
  log,
});
