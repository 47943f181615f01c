import { OFFICIAL_AM_SETTLEMENT_SYMBOLS } from "@stratdeck/core/ledger";
import { addDays, nyDate, sessionOn, tradingDayOnOrBefore } from "@stratdeck/core/time";
import { hashString, uniformAt } from "./prng";

/**
 * How long after the open the simulated exchange publishes the day's Special Opening Quotation,
 * ms (the real one waits for every constituent's opening print, often until late morning).
 */
export const SOQ_PUBLISHED_AFTER_MS = 90 * 60_000;

/** The index an official settlement symbol (`SET`, `RLS`, `NDS`) settles, or undefined. */
export function indexOfSettlementSymbol(symbol: string): string | undefined {
  const upper = symbol.toUpperCase();
  return Object.entries(OFFICIAL_AM_SETTLEMENT_SYMBOLS).find(([, s]) => s === upper)?.[0];
}

/**
 * The simulated SOQ of `index` for the session opening at `openAt`: the open print moved by a
 * deterministic 0.02–0.12 % either way (never the open print itself), index points in cents.
 */
export function simulatedSoq(openPrint: number, index: string, openAt: number): number {
  const u = uniformAt(hashString(index), openAt);
  const move = openPrint * (0.0002 + 0.001 * u) * (u < 0.5 ? -1 : 1);
  return Math.round((openPrint + move) * 100) / 100;
}

/** A session's published SOQ at `now`, or undefined (no session that day, or not published yet). */
function publishedSoq(
  spotAt: (ms: number) => number,
  index: string,
  day: string,
  now: number,
): number | undefined {
  const session = sessionOn(day);
  if (!session || now < session.openAt + SOQ_PUBLISHED_AFTER_MS) return undefined;
  return simulatedSoq(spotAt(session.openAt), index, session.openAt);
}

/** An official settlement symbol's prints at `now`, as an index's session prints (NaN = none). */
export interface SettlementPrints {
  /** Today's trading date and the previous one, `YYYY-MM-DD`. */
  summaryDate: string;
  prevDate: string;
  /** Today's SOQ once published (a Final close), else NaN; index points. */
  close: number;
  /** The previous session's SOQ, else NaN; index points. */
  prevClose: number;
}

/** The prints of `index`'s official settlement symbol at `now` (see {@link SettlementPrints}). */
export function settlementPrints(
  spotAt: (ms: number) => number,
  index: string,
  now: number,
): SettlementPrints {
  const summaryDate = tradingDayOnOrBefore(nyDate(now));
  const prevDate = tradingDayOnOrBefore(addDays(summaryDate, -1));
  return {
    summaryDate,
    prevDate,
    close: publishedSoq(spotAt, index, summaryDate, now) ?? Number.NaN,
    prevClose: publishedSoq(spotAt, index, prevDate, now) ?? Number.NaN,
  };
}
