import { hashString, rootSpec, type OptionId } from "../market";
import type { EventType } from "./event-fields";
import {
  profile,
  quote,
  summary,
  timeSeries,
  trade,
  type EventContext,
  type EventRecord,
} from "./event-records";

/** The current event of a type for an option (`.SPXW…`), or null when expired or not an option event. */
export function optionEvent(
  ctx: EventContext,
  type: EventType,
  symbol: string,
  id: OptionId,
  now: number,
): EventRecord | null {
  const m = ctx.market;
  const q = m.optionQuoteOf(symbol, now);
  if (!q) return null;
  const e = { eventType: type, eventSymbol: symbol, eventTime: 0 };
  const h = hashString(symbol);
  switch (type) {
    case "Quote":
      return quote(
        symbol,
        now,
        "C",
        { price: q.bid, size: q.bid > 0 ? 5 + (h % 95) : NaN },
        { price: q.ask, size: 5 + ((h >>> 8) % 95) },
      );
    case "Greeks":
      return {
        ...timeSeries(type, symbol, now),
        price: q.theo,
        volatility: q.iv,
        delta: q.delta,
        gamma: q.gamma,
        theta: q.theta,
        rho: q.rho,
        vega: q.vega,
      };
    case "TheoPrice": {
      const found = rootSpec(id.root);
      return {
        ...timeSeries(type, symbol, now),
        price: q.theo,
        underlyingPrice: m.spotAt(found?.u.symbol ?? "SPX", now),
        delta: q.delta,
        gamma: q.gamma,
        dividend: found?.u.dividendYield ?? 0,
        interest: found?.u.rate ?? 0,
      };
    }
    case "Trade":
      return trade(symbol, now, "C", { price: q.mid, change: NaN, size: 1, dayVolume: h % 5000 });
    case "Summary": {
      const s = ctx.statsOf(
        symbol,
        now,
        (ms) => m.optionQuoteAt(id, ms)?.mid ?? NaN,
        Number.POSITIVE_INFINITY,
      );
      return summary(e, s, 100 + (h % 20_000));
    }
    case "Profile":
      return profile(
        symbol,
        `${id.root} ${id.date} ${id.strike} ${id.right === "C" ? "Call" : "Put"}`,
        NaN,
        NaN,
      );
    default:
      return null;
  }
}
