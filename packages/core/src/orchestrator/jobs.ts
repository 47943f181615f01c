import type { JobRun } from "./local-scheduler";
import { exitsJob, type ExitsJobDeps } from "./exits-job";
import { runHealthJob, type HealthJobDeps } from "./health-job";
import { ideasJob, type IdeasJobDeps } from "./ideas-job";
import { withHeartbeat } from "./job-status";
import { runReconcileJob } from "./reconcile-job";
import { runSettleJob } from "./settle-job";

export * from "./ideas-job";
export * from "./exits-job";
export * from "./settle-job";
export * from "./health-job";
export * from "./reconcile-job";

/** Deps of {@link runJob}: everything the jobs need. */
export type JobDeps = IdeasJobDeps & ExitsJobDeps & HealthJobDeps;

/**
 * Runs one scheduled job (the same code in Lambda, the local scheduler and the simulated day) and
 * records its heartbeat (`job:<name>` in the status store).
 */
export function runJob(deps: JobDeps, run: JobRun): Promise<unknown> {
  return withHeartbeat(runJobBody)(deps, run);
}

async function runJobBody(deps: JobDeps, run: JobRun): Promise<unknown> {
  switch (run.job) {
    case "ideas":
      return ideasJob(deps, run);
    case "exits":
      return exitsJob(deps, run);
    case "health":
      return runHealthJob(deps, run);
    case "settle":
      return runSettleJob(deps, run);
    case "reconcile":
      return runReconcileJob(deps);
  }
}
