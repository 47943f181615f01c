import { withHeartbeat } from "@stratdeck/core/orchestrator/job-status";
import { runSettleJob } from "@stratdeck/core/orchestrator/settle-job";
import { lambdaLog, lambdaMarket, lambdaMetrics } from "../shared/lambda-deps";
import { alerting, ledgerStores, settlementSource } from "../shared/lambda-stores";
import { scheduledJob } from "./scheduled-job";

const log = lambdaLog("job-settle");

/**
 * Scheduled (EventBridge Scheduler, America/New_York; after the close and on AM-settlement
 * mornings): record the indexes' opening and closing values, settle expired positions at them.
 */
const metrics = lambdaMetrics();

export const handler = scheduledJob("settle", withHeartbeat(runSettleJob), {
  deps: async () => {
    const m = await lambdaMarket(log);
    const { orders, status } = ledgerStores(m);
    return { ...m, orders, status, settlement: settlementSource(m, status), ...(await alerting(m)) };
  },
  log,
  metrics,
});
