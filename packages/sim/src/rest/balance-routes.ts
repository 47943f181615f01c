import { nyDate } from "@stratdeck/core/time";
import { parseOccSymbol } from "../market";
import { SIM_ACCOUNT_NUMBER, SIM_BUYING_POWER } from "./account-routes";
import type { RestContext, Route } from "./context";
import { dataReply, dec, HttpError } from "./envelope";

/** Long and short market value of the open option positions at the mid, USD. */
function positionValues(ctx: RestContext, now: number): { long: number; short: number } {
  let long = 0;
  let short = 0;
  for (const p of ctx.broker.openPositions(now)) {
    const id = parseOccSymbol(p.symbol);
    const mid = id ? (ctx.market.optionQuoteAt(id, now)?.mid ?? 0) : 0;
    const value = Math.abs(p.quantity) * mid * 100;
    if (p.quantity < 0) short += value;
    else long += value;
  }
  return { long, short };
}

/** Every field of tastyware's `AccountBalance` (account.py) not modelled by the simulator: zero. */
const ZERO_FIELDS = [
  "long-equity-value",
  "short-equity-value",
  "long-futures-value",
  "short-futures-value",
  "long-futures-derivative-value",
  "short-futures-derivative-value",
  "long-margineable-value",
  "short-margineable-value",
  "futures-margin-requirement",
  "maintenance-call-value",
  "reg-t-call-value",
  "day-trading-call-value",
  "day-equity-call-value",
  "day-trade-excess",
  "pending-cash",
  "long-cryptocurrency-value",
  "short-cryptocurrency-value",
  "cryptocurrency-margin-requirement",
  "unsettled-cryptocurrency-fiat-amount",
  "closed-loop-available-balance",
  "equity-offering-margin-requirement",
  "long-bond-value",
  "bond-margin-requirement",
  "futures-overnight-margin-requirement",
  "futures-intraday-margin-requirement",
  "pending-margin-interest",
  "effective-cryptocurrency-buying-power",
];

/**
 * `GET /accounts/{acct}/balances`: tastyware `AccountBalance` (account.py), every required field.
 * Cash is the starting {@link SIM_BUYING_POWER} plus what fills moved; the derivative buying power
 * is what placements left (it falls as positions open); the margin in use is the difference from
 * the start; net liquidating value marks the option positions at the mid.
 */
export const accountBalances: Route = {
  method: "GET",
  pattern: /^\/accounts\/([^/]+)\/balances$/,
  auth: true,
  handle(_req, m, ctx) {
    const acct = m[0] ?? "";
    if (acct !== SIM_ACCOUNT_NUMBER) throw new HttpError(404, "record_not_found", `Unknown account ${acct}`);
    const now = ctx.clock.now();
    const { long, short } = positionValues(ctx, now);
    const cash = SIM_BUYING_POWER + ctx.broker.cashFromFills();
    const buyingPower = ctx.broker.controls.buyingPowerUsd;
    const used = Math.max(0, SIM_BUYING_POWER - buyingPower);
    const netLiq = cash + long - short;
    const money = (x: number): string => dec(x, 2);
    const data: Record<string, unknown> = Object.fromEntries(ZERO_FIELDS.map((k) => [k, "0.0"]));
    Object.assign(data, {
      "account-number": acct,
      "cash-balance": money(cash),
      "long-derivative-value": money(long),
      "short-derivative-value": money(short),
      "margin-equity": money(netLiq),
      "equity-buying-power": money(buyingPower),
      "derivative-buying-power": money(buyingPower),
      "day-trading-buying-power": money(buyingPower),
      "available-trading-funds": money(buyingPower),
      "maintenance-requirement": money(used),
      "reg-t-margin-requirement": money(used),
      "used-derivative-buying-power": money(used),
      "maintenance-excess": money(buyingPower),
      "net-liquidating-value": money(netLiq),
      "cash-available-to-withdraw": money(Math.max(0, Math.min(cash, buyingPower))),
      "snapshot-date": nyDate(now),
      "updated-at": new Date(now).toISOString(),
    });
    return dataReply(data, `/accounts/${acct}/balances`);
  },
};
