import * as z from "zod/mini";
import "../../validation/zod-english";
import { enterIdea, MAX_ENTER_QUANTITY, type EnterIdeaDeps } from "../../entry/enter-idea";
import { paperSettingsFromStrategies } from "../../ledger/strategies-settings";
import type { StrategiesConfig } from "../../strategies/config-types";
import { routeError } from "../responses";
import { defineRoute } from "../router";

const params = z.strictObject({
  id: z.string().check(z.regex(/^[A-Za-z0-9_.:|/-]{1,200}$/, "must be an idea id as GET /ideas lists it")),
});

const body = z.optional(
  z.strictObject({
    quantity: z.optional(
      z
        .number()
        .check(
          z.int("must be a whole number"),
          z.gte(1, "must be at least 1"),
          z.lte(MAX_ENTER_QUANTITY, `must be at most ${MAX_ENTER_QUANTITY}`),
        ),
    ),
  }),
);

/**
 * POST /ideas/{id}/enter (id URL-encoded, as GET /ideas lists it; body `{quantity?}`): enters one
 * chosen idea of the latest report through the same guard, risk limits, fills and reservations as
 * automatic entry. Never places a live order (no operator confirmation here): with live trading
 * armed it is a broker dry run. 200 entered (or `duplicate`: already entered this minute, or
 * `dry-run`), 404 unknown idea, 422 refused with the reasons.
 */
export const enterIdeaRoute = defineRoute({
  method: "POST",
  pattern: "/ideas/{id}/enter",
  params,
  body,
  handle: async (
    deps: EnterIdeaDeps & { strategies: Pick<StrategiesConfig, "strategies" | "fill" | "fees" | "risk"> },
    { params: p, body: b },
  ) => {
    const r = await enterIdea(deps, p.id, {
      ...(b?.quantity !== undefined ? { quantity: b.quantity } : {}),
      settings: paperSettingsFromStrategies(deps.strategies),
    });
    if (r.status === "not-found") return routeError(404, "not-found", r.message);
    const reasons = r.status === "refused" ? r.reasons : r.outcome.reasons;
    const ok =
      r.status === "attempted" && ["entered", "placed", "duplicate", "dry-run"].includes(r.outcome.status);
    if (!ok)
      return routeError(422, "refused", reasons.map((x) => x.message).join("; ") || "not entered", {
        ideaId: p.id,
        reasons,
      });
    return { status: 200, body: { slot: r.entry.slot, mode: r.entry.decision.mode, ...r.outcome } };
  },
});
