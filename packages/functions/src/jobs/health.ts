import { runJob } from "@stratdeck/core/orchestrator/jobs";
import { lambdaDeps, lambdaLog } from "../shared/lambda-deps";
import { scheduledJob } from "./scheduled-job";

const log = lambdaLog("job-health");

/** Scheduled (EventBridge Scheduler, America/New_York): check tastytrade REST, DXLink and the stream heartbeat. */
export const handler = scheduledJob("health", runJob, { deps: () => lambdaDeps(log), log });
