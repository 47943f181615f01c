import type { Route } from "./context";
import { HttpError, dec, itemsReply } from "./envelope";
import { SIM_ACCOUNT_NUMBER } from "./account-routes";

/**
 * `GET /accounts/{acct}/positions`: open positions in tastytrade's shape (tastyware
 * `tastytrade/account.py` CurrentPosition: account-number, symbol, instrument-type,
 * underlying-symbol, quantity (unsigned) with quantity-direction, average-open-price, multiplier,
 * cost-effect, created-at, updated-at, …).
 */
export const positionsList: Route = {
  method: "GET",
  pattern: /^\/accounts\/([^/]+)\/positions$/,
  auth: true,
  handle(_req, m, ctx) {
    const acct = m[0] ?? "";
    if (acct !== SIM_ACCOUNT_NUMBER) throw new HttpError(404, "record_not_found", `Unknown account ${acct}`);
    const items = ctx.broker.openPositions(ctx.clock.now()).map((p) => ({
      "account-number": acct,
      symbol: p.symbol,
      "instrument-type": "Equity Option",
      "underlying-symbol": p.underlying,
      quantity: dec(Math.abs(p.quantity)),
      "quantity-direction": p.quantity < 0 ? "Short" : "Long",
      "close-price": dec(0),
      "average-open-price": dec(p.averageOpenPrice),
      "average-yearly-market-close-price": dec(p.averageOpenPrice),
      "average-daily-market-close-price": dec(p.averageOpenPrice),
      multiplier: 100,
      "cost-effect": p.quantity < 0 ? "Credit" : "Debit",
      "is-suppressed": false,
      "is-frozen": false,
      "restricted-quantity": dec(0),
      "realized-day-gain": dec(0),
      "realized-day-gain-effect": "None",
      "realized-day-gain-date": new Date(p.updatedAt).toISOString().slice(0, 10),
      "realized-today": dec(0),
      "realized-today-effect": "None",
      "realized-today-date": new Date(p.updatedAt).toISOString().slice(0, 10),
      "created-at": new Date(p.createdAt).toISOString(),
      "updated-at": new Date(p.updatedAt).toISOString(),
    }));
    return itemsReply(items, `/accounts/${acct}/positions`);
  },
};
