import * as z from "zod/mini";
import "../../validation/zod-english";
import type { AppConfig } from "../../config/app-config";
import { readStoredHealth, type StoredHealthDeps } from "../../health/stored-health";
import { isMarketOpen } from "../../time/nyse-calendar";
import { defineRoute } from "../router";

/**
 * GET /health: reads the status store only (the health job's last check, the stream heartbeat and
 * its freshness, which count only while the market is open, and the jobs' heartbeats); opens no
 * connection.
 * 200 when healthy, else 503.
 */
export const healthRoute = defineRoute({
  method: "GET",
  pattern: "/health",
  query: z.strictObject({}),
  handle: async (deps: StoredHealthDeps & { config?: Pick<AppConfig, "streamStaleAfterMs"> }) => {
    const report = await readStoredHealth(deps, {
      requireStream: isMarketOpen(deps.clock.now()),
      ...(deps.config ? { staleAfterMs: deps.config.streamStaleAfterMs } : {}),
    });
    return { status: report.ok ? 200 : 503, body: report };
  },
});
