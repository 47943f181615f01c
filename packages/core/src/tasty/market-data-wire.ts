import * as z from "zod/mini";
import "../validation/zod-english";
import { listEnvelope, optDecimal, optIsoTime } from "./wire-fields";

/** Instrument types accepted by GET /market-data/by-type (query keys). */
export type MarketDataType =
  "index" | "equity" | "equity-option" | "future" | "future-option" | "cryptocurrency";

/** Symbols to quote, grouped by instrument type (REST symbols: OCC for options). */
export type SymbolsByType = Partial<Record<MarketDataType, readonly string[]>>;

/** A REST market-data snapshot of one symbol. Prices in USD per share (index points). */
export interface RestQuote {
  /** REST symbol (OCC for options). */
  symbol: string;
  instrumentType: string;
  bid?: number;
  ask?: number;
  mid?: number;
  /** tastytrade's mark, USD per share. */
  mark?: number;
  last?: number;
  /** Today's close (after the session), USD per share. */
  close?: number;
  /** Previous session's close, USD per share. */
  prevClose?: number;
  /** Today's opening price (an index's opening value), USD per share. */
  open?: number;
  /** `Final` once today's close is official (`Regular`, `Indicative`, `Preliminary` before). */
  closePriceType?: string;
  prevClosePriceType?: string;
  /** The session `open`/`close` belong to, `YYYY-MM-DD`. */
  summaryDate?: string;
  /** The session `prevClose` belongs to, `YYYY-MM-DD`. */
  prevCloseDate?: string;
  /** When tastytrade last updated it, ms since epoch; absent when not sent. */
  updatedAt?: number;
  halted: boolean;
}

const item = z.object({
  symbol: z.string().check(z.minLength(1)),
  "instrument-type": z._default(z.string(), ""),
  "updated-at": optIsoTime,
  bid: optDecimal,
  ask: optDecimal,
  mid: optDecimal,
  mark: optDecimal,
  last: optDecimal,
  close: optDecimal,
  "prev-close": optDecimal,
  open: optDecimal,
  "close-price-type": z.optional(z.string()),
  "prev-close-price-type": z.optional(z.string()),
  "summary-date": z.optional(z.string()),
  "prev-close-date": z.optional(z.string()),
  "is-trading-halted": z.optional(z.boolean()),
  "trading-halted": z.optional(z.boolean()),
});

/** GET /market-data/by-type body. */
export const marketDataResponse = listEnvelope(item);

/** Maps one wire item to a RestQuote (undefined fields dropped). */
export function toRestQuote(i: z.output<typeof item>): RestQuote {
  const q: RestQuote = {
    symbol: i.symbol,
    instrumentType: i["instrument-type"],
    halted: i["is-trading-halted"] ?? i["trading-halted"] ?? false,
  };
  const fields: Array<[keyof RestQuote, number | undefined]> = [
    ["bid", i.bid],
    ["ask", i.ask],
    ["mid", i.mid],
    ["mark", i.mark],
    ["last", i.last],
    ["close", i.close],
    ["prevClose", i["prev-close"]],
    ["open", i.open],
    ["updatedAt", i["updated-at"]],
  ];
  for (const [k, v] of fields) if (v !== undefined) (q as unknown as Record<string, number>)[k] = v;
  const texts: Array<[keyof RestQuote, string | undefined]> = [
    ["closePriceType", i["close-price-type"]],
    ["prevClosePriceType", i["prev-close-price-type"]],
    ["summaryDate", i["summary-date"]],
    ["prevCloseDate", i["prev-close-date"]],
  ];
  for (const [k, v] of texts) if (v) (q as unknown as Record<string, string>)[k] = v;
  return q;
}

/**
 * The price to use from a REST quote, USD per share: mark, else mid, else the bid/ask midpoint,
 * else last. Undefined when none is positive.
 */
export function restQuotePrice(q: RestQuote): number | undefined {
  const { bid, ask } = q;
  const both = bid !== undefined && ask !== undefined && bid > 0 && ask > 0;
  const candidates = [q.mark, q.mid, both ? (bid + ask) / 2 : undefined, q.last];
  return candidates.find((p): p is number => p !== undefined && p > 0);
}
