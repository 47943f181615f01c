import { tickFor } from "@stratdeck/core/market-data";
import type { OrderBodyT } from "../broker/order-body";
import { occSymbol, parseOccSymbol, rootSpec } from "../market";
import { HttpError } from "./envelope";

type SubError = { domain: string; reason: string };

/** The 422 validation envelope naming each field (tastytrade `validation_error`, fact sheet §2.10). */
function invalid(errors: SubError[]): HttpError {
  return new HttpError(
    422,
    "validation_error",
    errors.map((e) => `${e.domain}: ${e.reason}`).join("; "),
    errors,
  );
}

/**
 * Leg symbols in OCC form exactly: root left-justified and space-padded to 6 characters, YYMMDD,
 * C/P, strike × 1000 in 8 digits (OCC symbology; tastytrade's chains serve them so, fact sheet
 * §2.11). `SPXW251219P05800000` is refused like tastytrade refuses an unknown symbol.
 */
function legErrors(order: OrderBodyT): SubError[] {
  const errors: SubError[] = [];
  order.legs.forEach((l, i) => {
    const id = parseOccSymbol(l.symbol);
    if (!id || occSymbol(id) !== l.symbol)
      errors.push({
        domain: `legs.${i}.symbol`,
        reason: `${JSON.stringify(l.symbol)} is not an OCC symbol (root padded to 6 characters, e.g. "SPXW  251219P05800000")`,
      });
  });
  return errors;
}

/**
 * The order price against the chain's `tick-sizes` of the first leg's root (SPX/SPXW: 0.05 below
 * 3.00, 0.10 from 3.00; the nested chain serves the same table): a price must be positive and a
 * whole number of ticks. tastytrade refuses off-tick prices and a zero price (issue 23, measured
 * as leniencies of the simulator); the exact error code it uses is not documented, so the
 * simulator answers with the `validation_error` envelope its other field checks use.
 */
function priceErrors(order: OrderBodyT): SubError[] {
  if (order.price === undefined) return [];
  if (!(order.price > 0)) return [{ domain: "price", reason: "must be greater than 0" }];
  const id = parseOccSymbol(order.legs[0]?.symbol ?? "");
  const spec = id ? rootSpec(id.root) : undefined;
  if (!spec) return [];
  const tick = tickFor(spec.r.tickSizes, order.price);
  const ticks = order.price / tick;
  if (Math.abs(ticks - Math.round(ticks)) < 1e-6) return [];
  return [
    {
      domain: "price",
      reason: `${order.price} is not a multiple of the tick size ${tick} at that price (tick-sizes of ${spec.r.root})`,
    },
  ];
}

/** Throws the 422 naming every field that breaks an order rule (symbols, price > 0, ticks). */
export function checkOrderRules(order: OrderBodyT): void {
  const errors = [...legErrors(order), ...priceErrors(order)];
  if (errors.length > 0) throw invalid(errors);
}
