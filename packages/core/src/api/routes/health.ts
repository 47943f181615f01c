import { z } from "zod";
import { checkJobRuns } from "../../health/job-runs-check";
import { runTastyHealth, type TastyHealthDeps } from "../../health/tasty-health";
import type { StatusStore } from "../../status/status-store";
import { isMarketOpen } from "../../time/nyse-calendar";
import { defineRoute } from "../router";

/**
 * GET /health: tastytrade REST and DXLink checks plus the stream heartbeat and its freshness,
 * which count only while the market is open (the task is stopped outside sessions), and each
 * scheduled job's last run (a failed one is a problem). 200 when healthy, else 503.
 */
export const healthRoute = defineRoute({
  method: "GET",
  pattern: "/health",
  query: z.strictObject({}),
  handle: async (deps: TastyHealthDeps & { status?: Pick<StatusStore, "read" | "readJobRuns"> | null }) => {
    const report = await runTastyHealth(deps, { requireStream: isMarketOpen(deps.clock.now()) });
    const { jobs, problems } = await checkJobRuns(deps.status);
    const ok = report.ok && problems.length === 0;
    return {
      status: ok ? 200 : 503,
      body: { ...report, ok, problems: [...report.problems, ...problems], jobs },
    };
  },
});
