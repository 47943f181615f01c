import { addDays, nyDate, sessionOn, tradingDayOnOrBefore } from "@stratdeck/core/time";

/** Open/high/low/close facts of today's session for one price series. */
export interface DayStats {
  /** Today's New York trading date (the last session on or before today), `YYYY-MM-DD`. */
  summaryDate: string;
  /** Previous trading date, `YYYY-MM-DD`. */
  prevDate: string;
  /** Price at today's open; NaN before the open. */
  open: number;
  /** Extremes from the open to now (sampled each minute); NaN before the open. */
  high: number;
  low: number;
  /** Price at today's close; NaN before the close. */
  close: number;
  /** Price at the previous session's close. */
  prevClose: number;
}

const MINUTE_MS = 60_000;

/**
 * Session statistics of a price series at `nowMs`: `priceAt` is sampled at the open, every
 * `stepMs` (default a minute) to now (or the close), and at the previous close.
 */
export function dayStats(priceAt: (ms: number) => number, nowMs: number, stepMs = MINUTE_MS): DayStats {
  const summaryDate = tradingDayOnOrBefore(nyDate(nowMs));
  const today = sessionOn(summaryDate);
  const prevDate = tradingDayOnOrBefore(addDays(summaryDate, -1));
  const prev = sessionOn(prevDate);
  const prevClose = prev ? priceAt(prev.closeAt) : Number.NaN;
  if (!today || nowMs < today.openAt) {
    return { summaryDate, prevDate, open: NaN, high: NaN, low: NaN, close: NaN, prevClose };
  }
  const end = Math.min(nowMs, today.closeAt);
  let high = -Infinity;
  let low = Infinity;
  for (let t = today.openAt; t <= end; t += stepMs) {
    const p = priceAt(t);
    high = Math.max(high, p);
    low = Math.min(low, p);
  }
  const last = priceAt(end);
  return {
    summaryDate,
    prevDate,
    open: priceAt(today.openAt),
    high: Math.max(high, last),
    low: Math.min(low, last),
    close: nowMs >= today.closeAt ? last : Number.NaN,
    prevClose,
  };
}
