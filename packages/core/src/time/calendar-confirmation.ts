import { isEarlyClose, isTradingDay } from "./nyse-calendar";

/** A broker's equity calendar (tastytrade `GET /market-time/equities/holidays`): `YYYY-MM-DD` lists. */
export interface BrokerCalendar {
  holidays: readonly string[];
  halfDays: readonly string[];
}

/** One date on which the broker's calendar and ours disagree. */
export interface CalendarDisagreement {
  date: string;
  broker: "closed" | "early-close";
  ours: "trading" | "closed" | "early-close";
}

const ours = (d: string): CalendarDisagreement["ours"] =>
  !isTradingDay(d) ? "closed" : isEarlyClose(d) ? "early-close" : "trading";

/**
 * Dates the broker lists as holidays or half days that our NYSE calendar (rules plus one-off
 * closures) sees differently: a new one-off closure to add to `SPECIAL_CLOSURES`, or a rule to fix.
 * Only the broker's listed dates are compared (its list may cover a shorter range than ours).
 */
export function confirmCalendar(broker: BrokerCalendar): CalendarDisagreement[] {
  const out: CalendarDisagreement[] = [];
  for (const date of broker.holidays)
    if (ours(date) !== "closed") out.push({ date, broker: "closed", ours: ours(date) });
  for (const date of broker.halfDays)
    if (ours(date) !== "early-close") out.push({ date, broker: "early-close", ours: ours(date) });
  return out.sort((a, b) => a.date.localeCompare(b.date));
}
