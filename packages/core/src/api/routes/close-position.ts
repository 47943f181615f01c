import * as z from "zod/mini";
import "../../validation/zod-english";
import { closePosition, type ClosePositionDeps, type CloseResult } from "../../ledger/close-position";
import { paperSettingsFromStrategies } from "../../ledger/strategies-settings";
import type { StrategiesConfig } from "../../strategies/config-types";
import type { RouteResult } from "../api-types";
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
    /** The trader confirmed a real closing order for a live position (the phone asks twice). */
    confirmLive: z.optional(z.boolean()),
  }),
);

/** Message of the 409 a live close without `confirmLive` gets (the broker only dry-ran it). */
export const LIVE_CONFIRMATION_REQUIRED =
  'this is a LIVE position: closing it places a real order at the broker; send {"confirmLive": true} to place it (validated by a dry run only, nothing was placed)';

/**
 * POST /positions/{id}/close (body `{reason?, confirmLive?}`): closes a position through the one
 * close use case `stratdeck close` uses (fill settings of strategies.yaml): a paper position at the
 * fill model's price from current quotes; a live one at the broker only when live trading is armed
 * (STRATDECK_TRADING_MODE=live, STRATDECK_LIVE_ARMED=YES) and the body says `confirmLive: true`.
 * 200 closed, 403 `trading-refused` (not armed, or a live position in paper mode), 404 unknown,
 * 409 `already-closed`, 409 `live-confirmation-required` (dry-run result in `broker`), 422 refused
 * (quotes missing or stale, nothing filled at the broker).
 */
export const closePositionRoute = defineRoute({
  method: "POST",
  pattern: "/positions/{id}/close",
  params,
  body,
  handle: async (
    deps: ClosePositionDeps & { strategies: Pick<StrategiesConfig, "fill" | "fees" | "risk"> },
    { params: p, body: b },
  ) => {
    const r = await closePosition(deps, p.id, {
      reason: b?.reason ?? "manual",
      confirm: b?.confirmLive === true,
      settings: paperSettingsFromStrategies(deps.strategies),
    });
    return closeResponse(r, p.id);
  },
});

/** The HTTP answer of a close result (one error contract: `{error: {code, message, …}}`). */
function closeResponse(r: CloseResult, id: string): RouteResult {
  switch (r.status) {
    case "closed":
      return { status: 200, body: r };
    case "not-found":
      return routeError(404, "not-found", `no position ${id}`);
    case "already-closed":
      return routeError(409, "already-closed", `position ${id} is already closed`, { position: r.position });
    case "guard-refused":
      return routeError(403, "trading-refused", r.reason, { positionId: id });
    case "dry-run":
      return routeError(409, "live-confirmation-required", LIVE_CONFIRMATION_REQUIRED, {
        positionId: id,
        broker: r.broker,
      });
    case "refused":
      return routeError(422, "refused", r.reasons.map((x) => x.message).join("; "), { reasons: r.reasons });
  }
}
