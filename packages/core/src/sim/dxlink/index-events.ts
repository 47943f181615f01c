import { atmVol, hashString, underlyingSpec, YEARS_30D } from "../market";
import type { EventType } from "./event-fields";
import { dayId, profile, round2, summary, type EventContext, type EventRecord } from "./event-records";

/** The current event of a type for an index (`SPX`), or null when indices have no such events. */
export function indexEvent(
  ctx: EventContext,
  type: EventType,
  symbol: string,
  now: number,
): EventRecord | null {
  const m = ctx.market;
  const spot = m.spotAt(symbol, now);
  const e = { eventType: type, eventSymbol: symbol, eventTime: 0 };
  switch (type) {
    case "Quote": {
      const half = Math.max(0.01, Math.round(spot * 0.00005 * 100) / 100);
      return {
        eventType: type,
        eventSymbol: symbol,
        eventTime: 0,
        sequence: 0,
        timeNanoPart: 0,
        bidTime: now,
        bidExchangeCode: "\u0000",
        bidPrice: round2(spot - half),
        bidSize: NaN,
        askTime: now,
        askExchangeCode: "\u0000",
        askPrice: round2(spot + half),
        askSize: NaN,
      };
    }
    case "Trade": {
      const s = ctx.statsOf(symbol, now, (ms) => m.spotAt(symbol, ms));
      return {
        eventType: type,
        eventSymbol: symbol,
        eventTime: 0,
        timeNanoPart: 0,
        sequence: 0,
        time: now,
        exchangeCode: "\u0000",
        price: spot,
        change: round2(spot - s.prevClose),
        size: NaN,
        dayId: dayId(now),
        dayVolume: NaN,
        dayTurnover: NaN,
        tickDirection: "UNDEFINED",
        extendedTradingHours: false,
      };
    }
    case "Summary": {
      const s = ctx.statsOf(symbol, now, (ms) => m.spotAt(symbol, ms));
      return summary(e, s, NaN);
    }
    case "Profile": {
      const spec = underlyingSpec(symbol);
      const scale = (spec?.level ?? spot) * (spec?.follows?.ratio ?? 1);
      return profile(symbol, spec?.description ?? symbol, round2(scale * 1.05), round2(scale * 0.8));
    }
    case "Underlying": {
      const iv = m.ivIndexAt(symbol, now);
      const calls = 200_000 + (hashString(`${symbol}${dayId(now)}c`) % 300_000);
      const puts = 250_000 + (hashString(`${symbol}${dayId(now)}p`) % 350_000);
      return {
        eventType: type,
        eventSymbol: symbol,
        eventTime: 0,
        eventFlags: 0,
        index: 0,
        sequence: 0,
        time: now,
        volatility: iv,
        frontVolatility: atmVol(iv, 7 / 365),
        backVolatility: atmVol(iv, 2 * YEARS_30D),
        callVolume: calls,
        putVolume: puts,
        putCallRatio: Math.round((puts / calls) * 1000) / 1000,
      };
    }
    default:
      return null;
  }
}
