import { z } from "zod";
import { runTastyHealth, type TastyHealthDeps } from "../../health/tasty-health";
import { isMarketOpen } from "../../time/nyse-calendar";
import { defineRoute } from "../router";

/**
 * GET /health: tastytrade REST and DXLink checks plus the stream heartbeat, which counts only
 * while the market is open (the task is stopped outside sessions). 200 when healthy, else 503.
 */
export const healthRoute = defineRoute({
  method: "GET",
  pattern: "/health",
  query: z.strictObject({}),
  handle: async (deps: TastyHealthDeps) => {
    const report = await runTastyHealth(deps, { requireStream: isMarketOpen(deps.clock.now()) });
    return { status: report.ok ? 200 : 503, body: report };
  },
});
