import * as z from "zod/mini";
import "../validation/zod-english";
import { dataEnvelope, optDecimal, signedCents, wireCode } from "./wire-fields";

/** One leg of an order request. */
export interface OrderRequestLeg {
  /** `Equity Option` for index/equity options. */
  instrumentType: string;
  /** REST (OCC) symbol, e.g. `SPXW  251219P05800000`. */
  symbol: string;
  /** Contracts. */
  quantity: number;
  action: "Buy to Open" | "Sell to Open" | "Buy to Close" | "Sell to Close";
}

/** An order to dry-run (or place). */
export interface OrderRequest {
  timeInForce: "Day" | "GTC" | "IOC";
  orderType: "Limit" | "Market";
  /** Limit price, unsigned USD per share; direction in `priceEffect`. */
  price?: number;
  priceEffect?: "Credit" | "Debit";
  legs: OrderRequestLeg[];
  /** Identifies the app in tastytrade's order records. */
  source?: string;
}

/** The dasherized JSON body tastytrade expects. */
export function orderRequestBody(o: OrderRequest): Record<string, unknown> {
  return {
    "time-in-force": o.timeInForce,
    "order-type": o.orderType,
    ...(o.price !== undefined ? { price: o.price.toFixed(2) } : {}),
    ...(o.priceEffect ? { "price-effect": o.priceEffect } : {}),
    ...(o.source ? { source: o.source } : {}),
    legs: o.legs.map((l) => ({
      "instrument-type": l.instrumentType,
      symbol: l.symbol,
      quantity: l.quantity,
      action: l.action,
    })),
  };
}

/** Result of a dry run: what tastytrade would do, money in signed integer cents (debit < 0). */
export interface DryRunResult {
  /** e.g. `Received`, `Contingent`. */
  status: string;
  /** Change in buying power, cents (negative = uses buying power). */
  buyingPowerChangeCents?: number;
  /** Margin requirement change, cents (negative = more margin required). */
  marginChangeCents?: number;
  /** Total fees, cents (negative = paid). */
  feesCents?: number;
  warnings: OrderMessage[];
  /** Preflight errors; an order whose dry run has any must not be placed. */
  errors: OrderMessage[];
}

/** A warning or error of an order reply (tastyware order.py `Message`: code, message, preflight-id). */
export interface OrderMessage {
  code?: string;
  message?: string;
}

const messageFields = z.object({
  code: wireCode,
  message: z.optional(z.string()),
  "preflight-id": z.optional(z.unknown()),
});

const message = z.pipe(
  messageFields,
  z.transform((m: z.output<typeof messageFields>): OrderMessage => ({
    ...(m.code !== undefined ? { code: m.code } : {}),
    ...(m.message !== undefined ? { message: m.message } : {}),
  })),
);

/** `warnings` / `errors`: a list, absent or `null` (tastyware: `Optional[list[Message]]`). */
export const messageList = z.pipe(
  z.optional(z.nullable(z.array(message))),
  z.transform((l: OrderMessage[] | null | undefined) => l ?? []),
);

/** POST /accounts/{acct}/orders/dry-run body. */
export const dryRunResponse = dataEnvelope(
  z.object({
    order: z.object({ status: z._default(z.string(), "Received") }),
    warnings: messageList,
    errors: messageList,
    "buying-power-effect": z.optional(
      z.object({
        "change-in-buying-power": optDecimal,
        "change-in-buying-power-effect": z.optional(z.string()),
        "change-in-margin-requirement": optDecimal,
        "change-in-margin-requirement-effect": z.optional(z.string()),
      }),
    ),
    "fee-calculation": z.optional(
      z.object({ "total-fees": optDecimal, "total-fees-effect": z.optional(z.string()) }),
    ),
  }),
);

/** Maps the wire body to a DryRunResult. */
export function toDryRunResult(body: z.output<typeof dryRunResponse>): DryRunResult {
  const d = body.data;
  const bp = d["buying-power-effect"];
  const fee = d["fee-calculation"];
  const out: DryRunResult = { status: d.order.status, warnings: d.warnings, errors: d.errors };
  const bpc = signedCents(bp?.["change-in-buying-power"], bp?.["change-in-buying-power-effect"]);
  const mc = signedCents(bp?.["change-in-margin-requirement"], bp?.["change-in-margin-requirement-effect"]);
  const fc = signedCents(fee?.["total-fees"], fee?.["total-fees-effect"]);
  if (bpc !== undefined) out.buyingPowerChangeCents = bpc;
  if (mc !== undefined) out.marginChangeCents = mc;
  if (fc !== undefined) out.feesCents = fc;
  return out;
}
