import { lambdaDeps, lambdaLog } from "../shared/lambda-deps";
import { runIdeasJob } from "./run-ideas";
import { scheduledJob } from "./scheduled-job";

const log = lambdaLog("job-ideas");

/** Scheduled (EventBridge Scheduler): scan the strategies and enter paper trades. */
export const handler = scheduledJob("ideas", runIdeasJob, { deps: () => lambdaDeps(log), log });
