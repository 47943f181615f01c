import * as z from "zod/mini";
import "../validation/zod-english";
import type { BrokerCalendar } from "../time/calendar-confirmation";

const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD"));

/** GET /market-time/equities/holidays body (tastytrade `MarketCalendarDeserializer`). */
export const equityCalendarResponse = z.object({
  data: z.object({
    "market-holidays": z._default(z.array(day), []),
    "market-half-days": z._default(z.array(day), []),
  }),
});

/** The wire body as a {@link BrokerCalendar}. */
export function toBrokerCalendar(body: z.output<typeof equityCalendarResponse>): BrokerCalendar {
  return { holidays: body.data["market-holidays"], halfDays: body.data["market-half-days"] };
}
