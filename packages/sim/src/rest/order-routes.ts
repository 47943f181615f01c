import { OrderBody, type OrderBodyT } from "../broker/order-body";
import { orderJson } from "../broker/order-json";
import { preflight } from "../broker/preflight";
import { NEXT_SESSION_WARNING } from "../broker/sim-broker";
import { SIM_ACCOUNT_NUMBER } from "./account-routes";
import type { RestContext, RestRequest, Route } from "./context";
import { dataReply, errorReply, HttpError, itemsReply, type RestReply } from "./envelope";
import { buyingPowerJson, feeJson } from "./order-json";
import { checkOrderRules } from "./order-rules";

function account(m: string[]): string {
  const a = m[0] ?? "";
  if (a !== SIM_ACCOUNT_NUMBER) throw new HttpError(404, "record_not_found", `Unknown account ${a}`);
  return a;
}

function orderBody(req: RestRequest): OrderBodyT {
  const parsed = OrderBody.safeParse(req.body);
  if (parsed.success) return parsed.data;
  const errors = parsed.error.issues.map((i) => ({ domain: i.path.join("."), reason: i.message }));
  throw new HttpError(
    400,
    "validation_error",
    errors.map((e) => `${e.domain}: ${e.reason}`).join("; "),
    errors,
  );
}

/**
 * The reply of a dry run or a placement: `order`, `buying-power-effect`, `fee-calculation`,
 * `warnings` and `errors` (tastyware `PlacedOrderResponse`); a failed buying-power check is the
 * 422 `preflight_check_failure` envelope carrying the buying-power effect.
 */
function orderReply(ctx: RestContext, acct: string, req: RestRequest, place: boolean): RestReply {
  const body = orderBody(req);
  checkOrderRules(body);
  const now = ctx.clock.now();
  const p = preflight(ctx.market, body, now);
  const current = ctx.broker.controls.buyingPowerUsd;
  const bp = buyingPowerJson(p.change, p.requirement, current, p.legs.length > 1);
  try {
    ctx.broker.check(body, now);
  } catch (e) {
    if (e instanceof HttpError) return errorReply(e, { "buying-power-effect": bp });
    throw e;
  }
  const order = place
    ? ctx.broker.place(acct, body, now)
    : {
        account: acct,
        body,
        legs: p.legs,
        underlying: p.underlying,
        size: p.size,
        status: "Received" as const,
        updatedAt: now,
      };
  const path = `/accounts/${acct}/orders${place ? "" : "/dry-run"}`;
  return dataReply(
    {
      order: orderJson(order),
      warnings: ctx.broker.waitsForSession(body, now) ? [NEXT_SESSION_WARNING] : [],
      errors: [],
      "buying-power-effect": bp,
      "fee-calculation": feeJson(p.fees),
    },
    path,
    201,
  );
}

/** `POST /accounts/{acct}/orders/dry-run`: buying-power effect and fees, nothing placed. */
export const orderDryRun: Route = {
  method: "POST",
  pattern: /^\/accounts\/([^/]+)\/orders\/dry-run$/,
  auth: true,
  handle: (req, m, ctx) => orderReply(ctx, account(m), req, false),
};

/** `POST /accounts/{acct}/orders`: places the order (same body and preflight as the dry run). */
export const orderPlace: Route = {
  method: "POST",
  pattern: /^\/accounts\/([^/]+)\/orders$/,
  auth: true,
  handle: (req, m, ctx) => orderReply(ctx, account(m), req, true),
};

/** `GET /accounts/{acct}/orders/live`: orders not yet terminal. */
export const ordersLive: Route = {
  method: "GET",
  pattern: /^\/accounts\/([^/]+)\/orders\/live$/,
  auth: true,
  handle(_req, m, ctx) {
    const acct = account(m);
    return itemsReply(ctx.broker.live(ctx.clock.now()).map(orderJson), `/accounts/${acct}/orders/live`);
  },
};

/**
 * `GET /accounts/{acct}/orders`: every order, newest first, one page at a time (`per-page`
 * default 10, `page-offset` from 0) with tastytrade's `pagination` block, which tastyware's
 * `_paginate` (session.py) reads as `page-offset` and `total-pages`.
 */
export const ordersList: Route = {
  method: "GET",
  pattern: /^\/accounts\/([^/]+)\/orders$/,
  auth: true,
  handle(req, m, ctx) {
    const acct = account(m);
    const all = ctx.broker.all(ctx.clock.now()).reverse();
    const perPage = Math.max(1, Math.min(250, Number(req.params.get("per-page") ?? 10) || 10));
    const offset = Math.max(0, Math.floor(Number(req.params.get("page-offset") ?? 0) || 0));
    const items = all.slice(offset * perPage, (offset + 1) * perPage).map(orderJson);
    const reply = itemsReply(items, `/accounts/${acct}/orders`);
    const pagination = {
      "per-page": perPage,
      "page-offset": offset,
      "item-offset": offset * perPage,
      "total-items": all.length,
      "total-pages": Math.max(1, Math.ceil(all.length / perPage)),
      "current-item-count": items.length,
    };
    return { ...reply, body: { ...(reply.body as object), pagination } };
  },
};

function orderId(m: string[]): number {
  const id = Number(m[1]);
  if (!Number.isInteger(id)) throw new HttpError(404, "record_not_found", `Order ${m[1] ?? ""} not found`);
  return id;
}

/** `GET /accounts/{acct}/orders/{id}`: one order, its status and fills. */
export const orderGet: Route = {
  method: "GET",
  pattern: /^\/accounts\/([^/]+)\/orders\/(\d+)$/,
  auth: true,
  handle(_req, m, ctx) {
    const acct = account(m);
    const o = ctx.broker.get(orderId(m), ctx.clock.now());
    if (!o) throw new HttpError(404, "record_not_found", `Order ${m[1] ?? ""} not found`);
    return dataReply(orderJson(o), `/accounts/${acct}/orders/${o.id}`);
  },
};

/** `DELETE /accounts/{acct}/orders/{id}`: cancels the unfilled rest of a working order. */
export const orderCancel: Route = {
  method: "DELETE",
  pattern: /^\/accounts\/([^/]+)\/orders\/(\d+)$/,
  auth: true,
  handle(_req, m, ctx) {
    const acct = account(m);
    const o = ctx.broker.cancel(orderId(m), ctx.clock.now());
    return dataReply(orderJson(o), `/accounts/${acct}/orders/${o.id}`);
  },
};
