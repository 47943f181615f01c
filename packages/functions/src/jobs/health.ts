import { runJob } from "@stratdeck/core/orchestrator/jobs";
import { ecsCapacityFromEnv } from "../shared/ecs-capacity";
import { lambdaDeps, lambdaLog, lambdaMetrics } from "../shared/lambda-deps";
import { scheduledJob } from "./scheduled-job";

const log = lambdaLog("job-health");
const metrics = lambdaMetrics();
const capacity = ecsCapacityFromEnv(process.env);

/**
 * Scheduled (EventBridge Scheduler, America/New_York): check tastytrade REST, DXLink and the stream
 * heartbeat and its freshness; publishes DataStale / StreamDown (EMF) for the alarms, and moves the
 * stream service from Spot to on-demand Fargate when the task is not running in a session.
 */
export const handler = scheduledJob("health", runJob, {
  deps: async () => ({ ...(await lambdaDeps(log)), metrics, ...(capacity ? { capacity } : {}) }),
  log,
});
