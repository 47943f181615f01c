import * as z from "zod";

const decimal = z
  .union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/, "must be a decimal")])
  .transform(Number);

/** Leg actions of an option order. */
export const ORDER_ACTIONS = ["Buy to Open", "Buy to Close", "Sell to Open", "Sell to Close"] as const;

/**
 * The body of `POST /accounts/{acct}/orders[/dry-run]` the simulator accepts: tastytrade's
 * dasherized order (tastyware `tastytrade/order.py` NewOrder; developer.tastytrade.com
 * order-management). A price is unsigned with its direction in `price-effect`; one without the
 * other is a validation error, and a Limit order needs a price.
 */
export const OrderBody = z
  .object({
    "time-in-force": z.enum(["Day", "GTC", "GTD", "Ext", "GTC Ext", "IOC"]),
    "order-type": z.enum(["Limit", "Market", "Marketable Limit", "Stop", "Stop Limit"]),
    price: decimal.optional(),
    "price-effect": z.enum(["Credit", "Debit"]).optional(),
    source: z.string().optional(),
    legs: z
      .array(
        z.object({
          "instrument-type": z.literal("Equity Option"),
          symbol: z.string().min(1),
          quantity: decimal.pipe(z.number().int().positive()),
          action: z.enum(ORDER_ACTIONS),
        }),
      )
      .min(1)
      .max(4),
  })
  .superRefine((o, ctx) => {
    if (o.price !== undefined && o["price-effect"] === undefined)
      ctx.addIssue({ code: "custom", path: ["price-effect"], message: "is required when price is given" });
    if (o["order-type"] === "Limit" && o.price === undefined)
      ctx.addIssue({ code: "custom", path: ["price"], message: "is required for a Limit order" });
    if (o.price !== undefined && o.price < 0)
      ctx.addIssue({
        code: "custom",
        path: ["price"],
        message: "must be unsigned (direction in price-effect)",
      });
  });

/** A validated order body. */
export type OrderBodyT = z.output<typeof OrderBody>;
