import { exitsJob } from "@stratdeck/core/orchestrator/exits-job";
import { withHeartbeat } from "@stratdeck/core/orchestrator/job-status";
import { lambdaLog, lambdaMarket, lambdaMetrics, lambdaStrategies } from "../shared/lambda-deps";
import { alerting, ledgerStores, settlementSource } from "../shared/lambda-stores";
import { scheduledJob } from "./scheduled-job";

const log = lambdaLog("job-exits");

/** Scheduled (EventBridge Scheduler, America/New_York): settle expired positions, check exits, alert through SNS. */
const metrics = lambdaMetrics();

export const handler = scheduledJob("exits", withHeartbeat(exitsJob), {
  deps: async () => {
    const m = await lambdaMarket(log);
    const { orders, status } = ledgerStores(m);
    return {
      ...m,
      orders,
      status,
      settlement: settlementSource(m, status),
      ...(await alerting(m)),
      strategies: await lambdaStrategies(m),
    };
  },
  log,
  metrics,
});
