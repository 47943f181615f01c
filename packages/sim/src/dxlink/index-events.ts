import { atmVol, hashString, indexHalfSpread, underlyingSpec, yearRange, YEARS_30D } from "../market";
import type { EventType } from "./event-fields";
import {
  dayId,
  profile,
  quote,
  round2,
  summary,
  timeSeries,
  trade,
  type EventContext,
  type EventRecord,
} from "./event-records";

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
      const half = indexHalfSpread(spot);
      return quote(
        symbol,
        now,
        "\u0000",
        { price: round2(spot - half), size: NaN },
        { price: round2(spot + half), size: NaN },
      );
    }
    case "Trade": {
      const s = ctx.statsOf(symbol, now, (ms) => m.spotAt(symbol, ms));
      return trade(symbol, now, "\u0000", {
        price: spot,
        change: round2(spot - s.prevClose),
        size: NaN,
        dayVolume: NaN,
      });
    }
    case "Summary": {
      const s = ctx.statsOf(symbol, now, (ms) => m.spotAt(symbol, ms));
      return summary(e, s, NaN);
    }
    case "Profile": {
      // spotAt above has already thrown for a symbol that is not an index.
      const spec = underlyingSpec(symbol);
      if (!spec) return null;
      const range = yearRange(spec);
      return profile(symbol, spec.description, round2(range.high), round2(range.low));
    }
    case "Underlying": {
      const iv = m.ivIndexAt(symbol, now);
      const calls = 200_000 + (hashString(`${symbol}${dayId(now)}c`) % 300_000);
      const puts = 250_000 + (hashString(`${symbol}${dayId(now)}p`) % 350_000);
      return {
        ...timeSeries(type, symbol, now),
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
