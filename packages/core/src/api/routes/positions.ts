import * as z from "zod/mini";
import "../../validation/zod-english";
import { markPositions, type MarkPositionsDeps } from "../../paper/mark-positions";
import { paperSettingsFromStrategies } from "../../paper/strategies-settings";
import type { StrategiesConfig } from "../../strategies/config-types";
import { defineRoute } from "../router";

/**
 * GET /positions: open positions marked to market (stream snapshot first, REST fallback) with the
 * fill settings of strategies.yaml, as `stratdeck positions` does.
 */
export const positionsRoute = defineRoute({
  method: "GET",
  pattern: "/positions",
  query: z.strictObject({}),
  handle: async (deps: MarkPositionsDeps & { strategies: Pick<StrategiesConfig, "fill"> }) => ({
    status: 200,
    body: await markPositions(deps, { settings: paperSettingsFromStrategies(deps.strategies) }),
  }),
});
