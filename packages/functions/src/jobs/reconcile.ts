import { withHeartbeat } from "@stratdeck/core/orchestrator/job-status";
import { runReconcileJob } from "@stratdeck/core/orchestrator/reconcile-job";
import { lambdaLog, lambdaMarket, lambdaMetrics } from "../shared/lambda-deps";
import { alerting, ledgerStores, liveGateway } from "../shared/lambda-stores";
import { scheduledJob } from "./scheduled-job";

const log = lambdaLog("job-reconcile");

/** Scheduled (EventBridge Scheduler, America/New_York): compare live positions with tastytrade's; alert once on drift. */
const metrics = lambdaMetrics();

export const handler = scheduledJob("reconcile", withHeartbeat(runReconcileJob), {
  deps: async () => {
    const m = await lambdaMarket(log);
    return { ...m, ...ledgerStores(m), ...(await alerting(m)), ...(await liveGateway(m)) };
  },
  log,
  metrics,
});
