import * as z from "zod/mini";
import "../../validation/zod-english";
import { closePosition, type ClosePositionDeps } from "../../ledger/close-position";
import { paperSettingsFromStrategies } from "../../ledger/strategies-settings";
import type { StrategiesConfig } from "../../strategies/config-types";
import { routeError } from "../responses";
import { defineRoute } from "../router";

const params = z.strictObject({
  id: z
    .string()
    .check(z.regex(/^[A-Za-z0-9_.:-]{1,100}$/, "must be a position id such as pos_0123456789abcdef0123")),
});

const body = z.optional(
  z.strictObject({
    reason: z.optional(
      z
        .string()
        .check(z.regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "must be 1-40 lowercase letters, digits or dashes")),
    ),
  }),
);

/**
 * POST /positions/{id}/close: closes a paper position at the fill model's price from current
 * quotes (fill settings of strategies.yaml, as `stratdeck close`). 200 closed, 404 unknown, 409 already closed, 422 refused (quotes missing/stale, live).
 */
export const closePositionRoute = defineRoute({
  method: "POST",
  pattern: "/positions/{id}/close",
  params,
  body,
  handle: async (
    deps: ClosePositionDeps & { strategies: Pick<StrategiesConfig, "fill"> },
    { params: p, body: b },
  ) => {
    const r = await closePosition(deps, p.id, {
      reason: b?.reason ?? "manual",
      settings: paperSettingsFromStrategies(deps.strategies),
    });
    switch (r.status) {
      case "closed":
        return { status: 200, body: r };
      case "not-found":
        return routeError(404, "not-found", `no position ${p.id}`);
      case "already-closed":
        return routeError(409, "already-closed", `position ${p.id} is already closed`, {
          position: r.position,
        });
      case "refused":
        return routeError(422, "refused", r.reasons.map((x) => x.message).join("; "), { reasons: r.reasons });
    }
  },
});
