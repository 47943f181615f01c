import * as z from "zod/mini";
import "../../validation/zod-english";
import type { PaperOrderStore } from "../../ledger/paper-order-store";
import { tradeHistory } from "../../ledger/trade-history";
import { limitQuery } from "../query-fields";
import { defineRoute } from "../router";

/** Largest `limit` GET /history accepts. */
export const MAX_HISTORY_LIMIT = 500;

const query = z.extend(limitQuery(MAX_HISTORY_LIMIT), {
  cursor: z.optional(z.string().check(z.regex(/^\d+$/, "must be the nextCursor of a previous page"))),
});

/**
 * GET /history?limit=N&cursor=C: closed and settled positions with realised P&L (gross, fees, net),
 * hold time and exit reason, newest first (default 50 a page); totals, win rate, average win and
 * loss, max drawdown and the equity curve over all of them.
 */
export const historyRoute = defineRoute({
  method: "GET",
  pattern: "/history",
  query,
  handle: async (deps: { orders: Pick<PaperOrderStore, "listClosedPositions"> }, { query: q }) => {
    const body = await tradeHistory(deps.orders, {
      limit: q.limit ?? 50,
      ...(q.cursor !== undefined ? { cursor: q.cursor } : {}),
    });
    return { status: 200, body };
  },
});
