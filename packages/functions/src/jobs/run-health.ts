import { runTastyHealth, type TastyHealthDeps } from "@stratdeck/core/health";
import type { JobRun } from "@stratdeck/core/orchestrator";
import { isMarketOpen } from "@stratdeck/core/time";

/** Checks REST, DXLink and the stream heartbeat (required only during a session); logs the report. */
export async function runHealthJob(deps: TastyHealthDeps, run: JobRun) {
  const report = await runTastyHealth(deps, { requireStream: isMarketOpen(run.at) });
  return { ok: report.ok, problems: report.problems };
}
