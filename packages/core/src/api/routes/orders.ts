import type { PaperOrderStore } from "../../ledger/paper-order-store";
import { limitQuery } from "../query-fields";
import { defineRoute } from "../router";

/** Largest `limit` GET /orders accepts. */
export const MAX_ORDERS_LIMIT = 500;

const query = limitQuery(MAX_ORDERS_LIMIT);

/** GET /orders?limit=N: the most recent orders of the order log, newest first (default 50). */
export const ordersRoute = defineRoute({
  method: "GET",
  pattern: "/orders",
  query,
  handle: async (deps: { orders: Pick<PaperOrderStore, "listRecentOrders"> }, { query: q }) => {
    const orders = await deps.orders.listRecentOrders(q.limit ?? 50);
    return { status: 200, body: { orders } };
  },
});
