import * as z from "zod";
import { parseOccSymbol, rootSpec, type OptionId } from "../market";
import { SIM_ACCOUNT_NUMBER, SIM_BUYING_POWER } from "./account-routes";
import type { Route } from "./context";
import { dataReply, dec, errorReply, HttpError } from "./envelope";
import { buyingPowerJson, feeJson } from "./order-json";
import { buyingPowerRequirement, orderFees, type MarginLeg } from "./order-math";

const decimal = z
  .union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/, "must be a decimal")])
  .transform(Number);
const ACTIONS = ["Buy to Open", "Buy to Close", "Sell to Open", "Sell to Close"] as const;

const OrderBody = z.object({
  "time-in-force": z.string().min(1),
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
        action: z.enum(ACTIONS),
      }),
    )
    .min(1)
    .max(4),
});

/** `POST /accounts/{acct}/orders/dry-run`: buying-power effect and fees of an option order. */
export const orderDryRun: Route = {
  method: "POST",
  pattern: /^\/accounts\/([^/]+)\/orders\/dry-run$/,
  auth: true,
  handle(req, m, ctx) {
    const account = m[0] ?? "";
    if (account !== SIM_ACCOUNT_NUMBER)
      throw new HttpError(404, "record_not_found", `Unknown account ${account}`);
    const parsed = OrderBody.safeParse(req.body);
    if (!parsed.success) {
      const errors = parsed.error.issues.map((i) => ({ domain: i.path.join("."), reason: i.message }));
      throw new HttpError(
        400,
        "validation_error",
        errors.map((e) => `${e.domain}: ${e.reason}`).join("; "),
        errors,
      );
    }
    const order = parsed.data;
    const now = ctx.clock.now();
    const legs = order.legs.map((l, i) => {
      const id: OptionId | undefined = parseOccSymbol(l.symbol);
      const root = id ? rootSpec(id.root) : undefined;
      const quote = id ? ctx.market.optionQuoteAt(id, now) : null;
      if (!id || !root || !quote) {
        throw new HttpError(
          422,
          "validation_error",
          `legs.${i}.symbol: unknown or expired option ${l.symbol}`,
          [{ domain: `legs.${i}.symbol`, reason: "unknown or expired option" }],
        );
      }
      return {
        leg: l,
        id,
        underlying: root.u.symbol,
        quote,
        sign: l.action.startsWith("Buy") ? 1 : -1,
      } as const;
    });
    const underlying = legs[0]?.underlying ?? "";
    const size = Math.min(...legs.map((l) => l.leg.quantity));
    const unitPrice =
      order.price !== undefined
        ? order.price * (order["price-effect"] === "Debit" ? -1 : 1)
        : legs.reduce((s, l) => s - l.sign * l.quote.mid * (l.leg.quantity / size), 0);
    const netCredit = unitPrice * size * 100;
    const marginLegs: MarginLeg[] = legs.map((l) => ({ id: l.id, sign: l.sign, quantity: l.leg.quantity }));
    const opening = legs.every((l) => l.leg.action.endsWith("Open"));
    const requirement = buyingPowerRequirement(marginLegs, netCredit, ctx.market.spotAt(underlying, now));
    const change = opening ? requirement : -requirement;
    const fees = orderFees(
      legs.map((l) => ({
        root: l.id.root,
        quantity: l.leg.quantity,
        opening: l.leg.action.endsWith("Open"),
      })),
    );
    const bp = buyingPowerJson(change, requirement, SIM_BUYING_POWER, legs.length > 1);
    if (change > SIM_BUYING_POWER) {
      const margin = {
        code: "margin_check_failed",
        message: "Account does not have sufficient buying power available for this order.",
      };
      return errorReply(
        new HttpError(422, "preflight_check_failure", "One or more preflight checks failed", [margin]),
        { "buying-power-effect": bp },
      );
    }
    const feeCalc = feeJson(fees);
    const orderJson = {
      "account-number": account,
      "time-in-force": order["time-in-force"],
      "order-type": order["order-type"],
      size,
      "underlying-symbol": underlying,
      "underlying-instrument-type": "Index",
      ...(order.price !== undefined
        ? { price: dec(order.price), "price-effect": order["price-effect"] ?? "Credit" }
        : {}),
      status: "Received",
      cancellable: true,
      editable: true,
      edited: false,
      legs: legs.map((l) => ({
        "instrument-type": "Equity Option",
        symbol: l.leg.symbol,
        quantity: l.leg.quantity,
        "remaining-quantity": l.leg.quantity,
        action: l.leg.action,
        fills: [],
      })),
    };
    return dataReply(
      { order: orderJson, warnings: [], "buying-power-effect": bp, "fee-calculation": feeCalc },
      `/accounts/${account}/orders/dry-run`,
      201,
    );
  },
};
