import * as z from "zod/mini";
import "../validation/zod-english";
import type { MarketMetrics } from "../market-data/market-data-provider";
import { failWith, listEnvelope, optDecimal, optIsoTime } from "./wire-fields";

/**
 * A rank or percentile as a fraction in [0, 1]: a value in (1, 100] is a percent and is divided by
 * 100 (45.3 → 0.453); a negative value or one above 100 is an error naming the field. (A percent
 * of 1 or less cannot be told from a fraction and is read as a fraction.)
 */
const rankFraction = z.pipe(
  optDecimal,
  z.transform((v: number | undefined, ctx) => {
    if (v === undefined) return undefined;
    if (v >= 0 && v <= 1) return v;
    if (v > 1 && v <= 100) return Number((v / 100).toFixed(6));
    return failWith(ctx, `must be a fraction in [0, 1] or a percent in (1, 100], got ${v}`);
  }),
);

/**
 * One GET /market-metrics item. Live payloads use the `implied-volatility-index-rank` family
 * (strings); the official OpenAPI names `implied-volatility-rank` (numbers). Both are accepted;
 * ranks and percentile are validated as fractions 0–1 here, at the wire (see `rankFraction`).
 */
const item = z.object({
  symbol: z.string().check(z.minLength(1)),
  "implied-volatility-index": optDecimal,
  "implied-volatility-index-rank": rankFraction,
  "implied-volatility-rank": rankFraction,
  "implied-volatility-percentile": rankFraction,
  "implied-volatility-updated-at": optIsoTime,
  "updated-at": optIsoTime,
});

/** GET /market-metrics body. */
export const marketMetricsResponse = listEnvelope(item);

/** Maps one wire item to MarketMetrics (absent values left undefined). */
export function toMarketMetrics(i: z.output<typeof item>): MarketMetrics {
  const m: MarketMetrics = { symbol: i.symbol };
  const ivRank = i["implied-volatility-index-rank"] ?? i["implied-volatility-rank"];
  if (ivRank !== undefined) m.ivRank = ivRank;
  if (i["implied-volatility-percentile"] !== undefined) m.ivPercentile = i["implied-volatility-percentile"];
  if (i["implied-volatility-index"] !== undefined) m.ivIndex = i["implied-volatility-index"];
  const updatedAt = i["implied-volatility-updated-at"] ?? i["updated-at"];
  if (updatedAt !== undefined) m.updatedAt = updatedAt;
  return m;
}
