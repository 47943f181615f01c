import * as z from "zod";
import type { MarketMetrics } from "../market-data/market-data-provider";
import { listEnvelope, optDecimal, optIsoTime } from "./wire-fields";

/**
 * One GET /market-metrics item. Live payloads use the `implied-volatility-index-rank` family
 * (strings); the official OpenAPI names `implied-volatility-rank` (numbers). Both are accepted;
 * ranks, percentile and IV index are fractions 0–1.
 */
const item = z.object({
  symbol: z.string().min(1),
  "implied-volatility-index": optDecimal,
  "implied-volatility-index-rank": optDecimal,
  "implied-volatility-rank": optDecimal,
  "implied-volatility-percentile": optDecimal,
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
