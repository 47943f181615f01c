import { runJob } from "@stratdeck/core/orchestrator";
import { lambdaDeps, lambdaLog, lambdaMetrics } from "../shared/lambda-deps";
import { scheduledJob } from "./scheduled-job";

const log = lambdaLog("job-health");
const metrics = lambdaMetrics();

/**
 * Scheduled (EventBridge Scheduler, America/New_York): check tastytrade REST, DXLink and the stream
 * heartbeat and its freshness; publishes DataStale / StreamDown (EMF) for the alarms.
 */
export const handler = scheduledJob("health", runJob, {
  deps: async () => ({ ...(await lambdaDeps(log)), metrics }),
  log,
});
