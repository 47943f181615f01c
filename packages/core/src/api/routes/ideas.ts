import { z } from "zod";
import { generateIdeas, IdeasRequestError, type GenerateIdeasDeps } from "../../strategies/generate-ideas";
import { INDEX_UNDERLYINGS, STRATEGY_NAMES } from "../../strategies/names";
import { routeError } from "../responses";
import { defineRoute } from "../router";

const underlyingList = z
  .string()
  .transform((s) => s.split(",").map((u) => u.trim().toUpperCase()))
  .pipe(z.array(z.enum(INDEX_UNDERLYINGS, { message: `must list only ${INDEX_UNDERLYINGS.join(", ")}` })));

const query = z.strictObject({
  strategy: z.enum(STRATEGY_NAMES, { message: `must be one of ${STRATEGY_NAMES.join(", ")}` }).optional(),
  underlying: underlyingList.optional(),
});

/** GET /ideas?strategy=&underlying=SPX,XSP: a fresh scan (advisory; nothing is entered). */
export const ideasRoute = defineRoute({
  method: "GET",
  pattern: "/ideas",
  query,
  handle: async (deps: GenerateIdeasDeps, { query: q }) => {
    try {
      const report = await generateIdeas(deps, {
        ...(q.strategy ? { strategy: q.strategy } : {}),
        ...(q.underlying ? { underlyings: q.underlying } : {}),
      });
      return { status: 200, body: report };
    } catch (err) {
      if (err instanceof IdeasRequestError) return routeError(400, "bad-request", err.message);
      throw err;
    }
  },
});
