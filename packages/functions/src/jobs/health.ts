import { runHealthJob } from "@stratdeck/core/orchestrator/health-job";
import { withHeartbeat } from "@stratdeck/core/orchestrator/job-status";
import { ecsCapacityFromEnv } from "../shared/ecs-capacity";
import { lambdaLog, lambdaMarket, lambdaMetrics } from "../shared/lambda-deps";
import { alerting, ledgerStores } from "../shared/lambda-stores";
import { scheduledJob } from "./scheduled-job";

const log = lambdaLog("job-health");
const metrics = lambdaMetrics();
const capacity = ecsCapacityFromEnv(process.env);
/** The stream's scaling horizon (set by the stack), for the redeploy warning. */
const horizonEnd = process.env.STRATDECK_STREAM_HORIZON_END;

/**
 * Scheduled (EventBridge Scheduler, America/New_York): check tastytrade REST, DXLink and the stream
 * heartbeat and its freshness; publishes DataStale / StreamDown (EMF) for the alarms, and moves the
 * stream service from Spot to on-demand Fargate when the task is not running in a session.
 */
export const handler = scheduledJob("health", withHeartbeat(runHealthJob), {
  deps: async () => {
    const m = await lambdaMarket(log);
    return {
      ...m,
      status: ledgerStores(m).status,
      ...(await alerting(m)),
      metrics,
      ...(capacity ? { capacity } : {}),
      ...(horizonEnd ? { streamHorizonEnd: horizonEnd } : {}),
    };
  },
  log,
  metrics,
});
