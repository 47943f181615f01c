import { runJob } from "@stratdeck/core/orchestrator/jobs";
import { lambdaDeps, lambdaLog } from "../shared/lambda-deps";
import { scheduledJob } from "./scheduled-job";

const log = lambdaLog("job-reconcile");

/** Scheduled (EventBridge Scheduler, America/New_York): compare live positions with tastytrade's; alert once on drift. */
export const handler = scheduledJob("reconcile", runJob, { deps: () => lambdaDeps(log), log });
