import * as z from "zod/mini";
import "../../validation/zod-english";
import type { AppConfig } from "../../config/app-config";
import { readStoredHealth, type StoredHealthDeps } from "../../health/stored-health";
import { isMarketOpen } from "../../time/nyse-calendar";
import { defineRoute } from "../router";

/** Deps of `GET /health`. */
export type HealthRouteDeps = StoredHealthDeps & {
  config?: Pick<AppConfig, "streamStaleAfterMs">;
  /**
   * Whether a session is open at an instant (the stream must then be live): the scheduler's market
   * hours, e.g. always for the local stack's simulated market. Default: the NYSE session.
   */
  sessionOpen?: (ms: number) => boolean;
};

/**
 * GET /health: reads the status store only (the health job's last check, the stream heartbeat and
 * its freshness judged at the moment of reading, which count while a session is open, and the
 * jobs' heartbeats); opens no connection. Its own verdict: a stalled or missing stream in a session
 * is a problem at once (not at the next health job).
 * 200 when healthy, else 503.
 */
export const healthRoute = defineRoute({
  method: "GET",
  pattern: "/health",
  query: z.strictObject({}),
  handle: async (deps: HealthRouteDeps) => {
    const now = deps.clock.now();
    const report = await readStoredHealth(deps, {
      requireStream: deps.sessionOpen ? deps.sessionOpen(now) : isMarketOpen(now),
      ...(deps.config ? { staleAfterMs: deps.config.streamStaleAfterMs } : {}),
    });
    return { status: report.ok ? 200 : 503, body: report };
  },
});
