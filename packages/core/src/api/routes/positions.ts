import { z } from "zod";
import { markPositions, type MarkPositionsDeps } from "../../paper/mark-positions";
import { defineRoute } from "../router";

/** GET /positions: open positions marked to market (stream snapshot first, REST fallback). */
export const positionsRoute = defineRoute({
  method: "GET",
  pattern: "/positions",
  query: z.strictObject({}),
  handle: async (deps: MarkPositionsDeps) => ({ status: 200, body: await markPositions(deps) }),
});
