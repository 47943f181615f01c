import { SCHEDULES } from "../orchestrator/schedules";
import type { JobRunStatus, StatusStore } from "../status/status-store";

/** The scheduled jobs' last runs, and one problem line per job whose last run failed. */
export interface JobRunsCheck {
  jobs: Record<string, JobRunStatus>;
  problems: string[];
}

/** Reads every scheduled job's last run (`job:<name>` status records); never throws. */
export async function checkJobRuns(
  status: Partial<Pick<StatusStore, "readJobRuns">> | null | undefined,
): Promise<JobRunsCheck> {
  if (!status?.readJobRuns) return { jobs: {}, problems: [] };
  try {
    const jobs = await status.readJobRuns(SCHEDULES.map((s) => s.job));
    const problems = Object.entries(jobs)
      .filter(([, r]) => r.outcome === "failed")
      .map(([job, r]) => `job ${job}: last run (${r.slot}) failed: ${r.error ?? "unknown error"}`);
    return { jobs, problems };
  } catch (err) {
    return { jobs: {}, problems: [`jobs: last runs not readable: ${(err as Error).message}`] };
  }
}
