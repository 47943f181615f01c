import { runJob } from "@stratdeck/core/orchestrator/jobs";
import { lambdaDeps, lambdaLog } from "../shared/lambda-deps";
import { scheduledJob } from "./scheduled-job";

const log = lambdaLog("job-ideas");

/** Scheduled (EventBridge Scheduler, America/New_York): scan the strategies and enter paper trades for the slot. */
export const handler = scheduledJob("ideas", runJob, { deps: () => lambdaDeps(log), log });
