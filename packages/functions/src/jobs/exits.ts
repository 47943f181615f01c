import { ProviderSettlementSource } from "@stratdeck/core/paper";
import { lambdaDeps, lambdaLog } from "../shared/lambda-deps";
import { runExitsJob } from "./run-exits";
import { scheduledJob } from "./scheduled-job";

const log = lambdaLog("job-exits");

/** Scheduled (EventBridge Scheduler): settle expired positions, check exits, alert through SNS. */
export const handler = scheduledJob("exits", runExitsJob, {
  // Settlement prices stand in from the provider's underlying price (marked approximate).
  deps: async () => {
    const deps = await lambdaDeps(log);
    return { ...deps, settlement: new ProviderSettlementSource(deps.provider) };
  },
  log,
});
