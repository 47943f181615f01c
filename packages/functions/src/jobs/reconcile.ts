import { withHeartbeat } from "@stratdeck/core/orchestrator/job-status";
import { runReconcileJob } from "@stratdeck/core/orchestrator/reconcile-job";
import { lambdaLog, lambdaMarket, lambdaMetrics, lambdaStrategies } from "../shared/lambda-deps";
import { alerting, ledgerStores, venues } from "../shared/lambda-stores";
import { scheduledJob } from "./scheduled-job";

const log = lambdaLog("job-reconcile");

/** Scheduled (EventBridge Scheduler, America/New_York): compare live positions with tastytrade's; alert once on drift. */
const metrics = lambdaMetrics();

export const handler = scheduledJob("reconcile", withHeartbeat(runReconcileJob), {
  deps: async () => {
    const m = await lambdaMarket(log);
    const stores = ledgerStores(m);
    const alerts = await alerting(m);
    const strategies = await lambdaStrategies(m);
    return { ...m, ...stores, ...alerts, strategies, ...(await venues(m, stores.orders, alerts)) };
  },
  log,
  metrics,
});
