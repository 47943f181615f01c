import * as z from "zod/mini";
import "../../validation/zod-english";
import { IDEAS_REPORT_ID, type StoredIdeasReport } from "../../orchestrator/job-status";
import { storeIdeasReport } from "../../orchestrator/ideas-job";
import type { StatusStore } from "../../status/status-store";
import { generateIdeas, type GenerateIdeasDeps } from "../../strategies/generate-ideas";
import { routeError } from "../responses";
import { defineRoute } from "../router";

/** Shortest interval between two scans through the API, ms (a scheduled run counts too). */
export const RESCAN_MIN_INTERVAL_MS = 60_000;

/** Deps of `POST /ideas/rescan`. */
export type IdeasRescanDeps = GenerateIdeasDeps & { status: Pick<StatusStore, "read" | "beat"> };

let inFlight: Promise<unknown> | null = null;

/**
 * POST /ideas/rescan: a full scan now, stored as the latest report and returned. Rate-limited:
 * 429 (with `retryAfterSeconds`) while the stored report is younger than a minute or a rescan is
 * already running in this process.
 */
export const ideasRescanRoute = defineRoute({
  method: "POST",
  pattern: "/ideas/rescan",
  query: z.strictObject({}),
  handle: async (deps: IdeasRescanDeps) => {
    const stored = await deps.status.read<StoredIdeasReport>(IDEAS_REPORT_ID);
    const age = stored ? deps.clock.now() - stored.data.report.generatedAt : Infinity;
    if (inFlight || age < RESCAN_MIN_INTERVAL_MS) {
      const wait = inFlight ? 5 : Math.ceil((RESCAN_MIN_INTERVAL_MS - age) / 1000);
      return routeError(
        429,
        "rate-limited",
        `a scan ran ${Math.round(age / 1000)} s ago; retry in ${wait} s`,
        {
          retryAfterSeconds: wait,
        },
      );
    }
    const scan = generateIdeas(deps);
    inFlight = scan;
    try {
      const report = await scan;
      await storeIdeasReport(deps, report);
      return { status: 200, body: { ...report, ageMs: 0 } };
    } finally {
      inFlight = null;
    }
  },
});
