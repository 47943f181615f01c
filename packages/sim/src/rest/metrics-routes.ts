import { MS_PER_YEAR } from "@stratdeck/core/pricing";
import { atmVol, listChain, underlyingSpec, type SyntheticMarket } from "../market";
import type { Route } from "./context";
import { decOrNull as dec, itemsReply } from "./envelope";
import { arrayParam } from "./query";

const FIVE_DAYS_MS = 5 * 86_400_000;

function metricsItem(market: SyntheticMarket, symbol: string, now: number): unknown {
  const spec = underlyingSpec(symbol);
  if (!spec) return undefined;
  const iv = market.ivIndexAt(spec.symbol, now);
  const rank = market.ivRankAt(spec.symbol, now);
  const percentile = 1 - Math.pow(1 - rank, 1.4);
  const hv30 = iv * 0.85;
  const nowIso = new Date(now).toISOString();
  const chain = listChain(spec, market.spotAt(spec.symbol, now), now);
  return {
    symbol: spec.symbol,
    "implied-volatility-index": dec(iv, 4),
    "implied-volatility-index-5-day-change": dec(iv - market.ivIndexAt(spec.symbol, now - FIVE_DAYS_MS), 4),
    "implied-volatility-index-rank": dec(rank, 4),
    "tos-implied-volatility-index-rank": dec(rank, 4),
    "tw-implied-volatility-index-rank": dec(rank, 4),
    "implied-volatility-index-rank-source": "tos",
    "implied-volatility-percentile": dec(percentile, 4),
    "implied-volatility-updated-at": nowIso,
    "liquidity-rating": 4,
    "liquidity-rank": "1.0",
    "liquidity-value": "1000000.0",
    "updated-at": nowIso,
    // Required by tastyware's MarketMetricInfo (metrics.py: `market_cap: Decimal`); observed live as
    // a JSON number (fact sheet §2.7). An index has no market cap of its own: 0.
    "market-cap": 0,
    beta: "1.0",
    "corr-spy-3month": spec.symbol === "RUT" ? "0.82" : "0.98",
    "implied-volatility-30-day": dec(iv * 100, 2),
    "historical-volatility-30-day": dec(hv30 * 100, 2),
    "historical-volatility-60-day": dec(hv30 * 102, 2),
    "historical-volatility-90-day": dec(hv30 * 104, 2),
    "iv-hv-30-day-difference": dec((iv - hv30) * 100, 2),
    "option-expiration-implied-volatilities": chain.roots.flatMap((r) =>
      r.expirations.map((e) => ({
        "expiration-date": e.date,
        "option-chain-type": "Standard",
        "settlement-type": e.settlement,
        "implied-volatility": dec(atmVol(iv, Math.max(0, e.expiresAt - now) / MS_PER_YEAR), 4),
      })),
    ),
  };
}

/** `GET /market-metrics?symbols=SPX,RUT`: IV index, rank and percentile as strings (fractions). */
export const marketMetrics: Route = {
  method: "GET",
  pattern: /^\/market-metrics$/,
  auth: true,
  touches: (req) => arrayParam(req.params, "symbols"),
  handle(req, _m, ctx) {
    const now = ctx.clock.now();
    const items = arrayParam(req.params, "symbols")
      .map((s) => metricsItem(ctx.market, s, now))
      .filter((i) => i !== undefined);
    return itemsReply(items, "/market-metrics");
  },
};
