import * as z from "zod/mini";
import "../../validation/zod-english";
import { IDEAS_REPORT_ID, type StoredIdeasReport } from "../../orchestrator/job-status";
import type { PaperOrderStore } from "../../ledger/paper-order-store";
import type { StatusStore } from "../../status/status-store";
import type { IdeasReport } from "../../strategies/ideas-report";
import { INDEX_UNDERLYINGS, STRATEGY_NAMES } from "../../strategies/names";
import type { Clock } from "../../time/clock";
import { markOpenDuplicates } from "../../trader-view/open-duplicates";
import { routeError } from "../responses";
import { defineRoute } from "../router";

const underlyingList = z.pipe(
  z.pipe(
    z.string(),
    z.transform((s: string) => s.split(",").map((u) => u.trim().toUpperCase())),
  ),
  z.array(z.enum(INDEX_UNDERLYINGS, { message: `must list only ${INDEX_UNDERLYINGS.join(", ")}` })),
);

const query = z.strictObject({
  strategy: z.optional(z.enum(STRATEGY_NAMES, { message: `must be one of ${STRATEGY_NAMES.join(", ")}` })),
  underlying: z.optional(underlyingList),
});

/** Deps of `GET /ideas`: the status store holding the ideas job's latest report, the open positions. */
export interface IdeasReadDeps {
  status: Pick<StatusStore, "read">;
  orders: Pick<PaperOrderStore, "listOpenPositions">;
  clock: Clock;
}

/** The report narrowed to one strategy and/or some underlyings (summary left as stored). */
export function filterReport(
  report: IdeasReport,
  q: { strategy?: string; underlying?: readonly string[] },
): IdeasReport {
  const keep = (x: { strategy: string; underlying: string }): boolean =>
    (!q.strategy || x.strategy === q.strategy) && (!q.underlying || q.underlying.includes(x.underlying));
  return {
    ...report,
    ideas: report.ideas.filter(keep),
    rejected: report.rejected.filter(keep),
    unbuilt: report.unbuilt.filter(keep),
  };
}

/**
 * GET /ideas?strategy=&underlying=SPX,XSP: the ideas job's latest report (no scan per request),
 * with `ageMs` (how old the report is, ms); an idea with the strategy, underlying and expiration
 * of an open position carries `openPositionId` (not tradable while it is open). 404 before the
 * first scan. `POST /ideas/rescan` scans now.
 */
export const ideasRoute = defineRoute({
  method: "GET",
  pattern: "/ideas",
  query,
  handle: async (deps: IdeasReadDeps, { query: q }) => {
    const stored = await deps.status.read<StoredIdeasReport>(IDEAS_REPORT_ID);
    if (!stored)
      return routeError(
        404,
        "no-report",
        "no ideas report yet: the ideas job stores one on every run (every 30 min in session); POST /ideas/rescan scans now",
      );
    const report = filterReport(stored.data.report, q);
    const ideas = markOpenDuplicates(report.ideas, await deps.orders.listOpenPositions());
    return {
      status: 200,
      body: { ...report, ideas, ageMs: Math.max(0, deps.clock.now() - report.generatedAt) },
    };
  },
});
