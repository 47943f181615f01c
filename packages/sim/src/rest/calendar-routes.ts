import { addDays, isEarlyClose, isTradingDay, nyDate, weekdayOf } from "@stratdeck/core/time";
import type { Route } from "./context";
import { dataReply } from "./envelope";

/**
 * `GET /market-time/equities/holidays`: the simulator's equity calendar (our NYSE calendar) for
 * the clock's year and the next, as tastytrade's `market-holidays` / `market-half-days` lists.
 */
export const equityHolidays: Route = {
  method: "GET",
  pattern: /^\/market-time\/equities\/holidays$/,
  auth: true,
  handle(_req, _m, ctx) {
    const year = Number(nyDate(ctx.clock.now()).slice(0, 4));
    const holidays: string[] = [];
    const halfDays: string[] = [];
    for (let d = `${year}-01-01`; d < `${year + 2}-01-01`; d = addDays(d, 1)) {
      const weekday = weekdayOf(d);
      if (weekday === 0 || weekday === 6) continue;
      if (!isTradingDay(d)) holidays.push(d);
      else if (isEarlyClose(d)) halfDays.push(d);
    }
    return dataReply(
      { "market-holidays": holidays, "market-half-days": halfDays },
      "/market-time/equities/holidays",
    );
  },
};
