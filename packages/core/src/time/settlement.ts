import { sessionOn, tradingDayOnOrBefore } from "./nyse-calendar";

const cache = new Map<string, number>();

/**
 * When an option expiration settles, ms since epoch: AM roots (e.g. SPX monthlies) at the opening
 * of the expiration day (the special opening quotation), PM roots (SPXW, XSP, …) at its close, early
 * closes included. An expiration on a holiday settles on the trading day before. Cached: the
 * simulator asks once per option quote.
 */
export function settlementInstant(expiration: string, settlement: "AM" | "PM"): number {
  const key = expiration + settlement;
  let at = cache.get(key);
  if (at === undefined) {
    const session = sessionOn(tradingDayOnOrBefore(expiration));
    if (!session) throw new Error(`no trading session on or before ${expiration}`);
    at = settlement === "AM" ? session.openAt : session.closeAt;
    if (cache.size > 10_000) cache.clear();
    cache.set(key, at);
  }
  return at;
}
