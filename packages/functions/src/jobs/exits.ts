import { runJob } from "@stratdeck/core/orchestrator/jobs";
import { lambdaDeps, lambdaLog } from "../shared/lambda-deps";
import { scheduledJob } from "./scheduled-job";

const log = lambdaLog("job-exits");

/** Scheduled (EventBridge Scheduler, America/New_York): settle expired positions, check exits, alert through SNS. */
export const handler = scheduledJob("exits", runJob, { deps: () => lambdaDeps(log), log });
