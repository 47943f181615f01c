import { ideasJob } from "@stratdeck/core/orchestrator/ideas-job";
import { withHeartbeat } from "@stratdeck/core/orchestrator/job-status";
import { lambdaLog, lambdaMarket, lambdaMetrics, lambdaStrategies } from "../shared/lambda-deps";
import { ledgerStores, venues } from "../shared/lambda-stores";
import { scheduledJob } from "./scheduled-job";

const log = lambdaLog("job-ideas");

/** Scheduled (EventBridge Scheduler, America/New_York): scan the strategies and enter paper trades for the slot. */
const metrics = lambdaMetrics();

export const handler = scheduledJob("ideas", withHeartbeat(ideasJob), {
  deps: async () => {
    const m = await lambdaMarket(log);
    const stores = ledgerStores(m);
    return {
      ...m,
      ...stores,
      strategies: await lambdaStrategies(m),
      ...(await venues(m, stores.orders)),
    };
  },
  log,
  metrics,
});
