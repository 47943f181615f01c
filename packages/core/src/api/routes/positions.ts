import * as z from "zod/mini";
import "../../validation/zod-english";
import { markPositions, type MarkPositionsDeps } from "../../ledger/mark-positions";
import { paperSettingsFromStrategies } from "../../ledger/strategies-settings";
import type { StrategiesConfig } from "../../strategies/config-types";
import { exitDistances } from "../../trader-view/exit-distance";
import { defineRoute } from "../router";

/**
 * GET /positions: open positions marked to market (stream snapshot first, REST fallback) with the
 * fill settings of strategies.yaml, as `stratdeck positions` does; each with `exits`, its distance
 * to every exit rule, nearest first.
 */
export const positionsRoute = defineRoute({
  method: "GET",
  pattern: "/positions",
  query: z.strictObject({}),
  handle: async (
    deps: MarkPositionsDeps & { strategies: Pick<StrategiesConfig, "fill" | "fees" | "risk"> },
  ) => {
    const settings = paperSettingsFromStrategies(deps.strategies);
    const report = await markPositions(deps, { settings });
    const positions = report.positions.map((p) => ({ ...p, exits: exitDistances(p, settings.exits) }));
    return { status: 200, body: { ...report, positions } };
  },
});
