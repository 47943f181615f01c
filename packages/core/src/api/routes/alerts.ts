import type { AlertStore } from "../../alerts/alert-store";
import { limitQuery } from "../query-fields";
import { defineRoute } from "../router";

/** Largest `limit` GET /alerts accepts. */
export const MAX_ALERTS_LIMIT = 200;

const query = limitQuery(MAX_ALERTS_LIMIT);

/** GET /alerts?limit=N: the most recent exit alerts (one per position and rule), newest first (default 20). */
export const alertsRoute = defineRoute({
  method: "GET",
  pattern: "/alerts",
  query,
  handle: async (deps: { alerts: Pick<AlertStore, "recent"> }, { query: q }) => {
    const alerts = await deps.alerts.recent(q.limit ?? 20);
    return { status: 200, body: { alerts } };
  },
});
