import { runJob } from "@stratdeck/core/orchestrator/jobs";
import { lambdaDeps, lambdaLog } from "../shared/lambda-deps";
import { scheduledJob } from "./scheduled-job";

const log = lambdaLog("job-settle");

/**
 * Scheduled (EventBridge Scheduler, America/New_York; after the close and on AM-settlement
 * mornings): record the indexes' opening and closing values, settle expired positions at them.
 */
export const handler = scheduledJob("settle", runJob, { deps: () => lambdaDeps(log), log });
