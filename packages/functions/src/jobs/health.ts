import { lambdaDeps, lambdaLog } from "../shared/lambda-deps";
import { runHealthJob } from "./run-health";
import { scheduledJob } from "./scheduled-job";

const log = lambdaLog("job-health");

/** Scheduled (EventBridge Scheduler): check tastytrade REST, DXLink and the stream heartbeat. */
export const handler = scheduledJob("health", runHealthJob, { deps: () => lambdaDeps(log), log });
