import type { MarketDataProvider, UnderlyingPrice } from "../market-data/market-data-provider";
import type { OptionChain } from "../market-data/option-chain";
import type { FillOptions } from "../pricing/fill-model";
import { MS_PER_YEAR } from "../pricing/black-scholes";
import type { StrategiesConfig, StrategyRules } from "./config-types";
import { chooseExpiration } from "./expiration-select";
import type { Idea } from "./idea";
import { buildIdea } from "./idea-build";
import type { UnbuiltCandidate } from "./ideas-report";
import { evaluateFilters } from "./filters";
import { QuoteBook } from "./quote-book";
import { selectSide, type ChosenSide, type SideRule } from "./side-select";
import { judgeIdea } from "./verdict";
import type { IndexUnderlying } from "./names";

/** Volatility used to aim the first strike window when the IV index is unknown. */
const DEFAULT_VOL_GUESS = 0.2;

/** Market data of one underlying, fetched once per scan and shared by every strategy. */
export interface UnderlyingMarket {
  underlying: IndexUnderlying;
  price: UnderlyingPrice;
  chain: OptionChain | { error: string };
  /** IV rank, fraction. */
  ivRank?: number;
  /** IV index, annualised fraction. */
  ivIndex?: number;
  book: QuoteBook;
}

/** Fetches price, chain and metrics of an underlying concurrently; failures become data, not throws. */
export async function loadUnderlying(
  provider: MarketDataProvider,
  underlying: IndexUnderlying,
): Promise<UnderlyingMarket & { metricsError?: string }> {
  const [price, chain, metrics] = await Promise.allSettled([
    provider.getUnderlyingPrice(underlying),
    provider.getChain(underlying),
    provider.getMetrics(underlying),
  ]);
  const err = (r: PromiseRejectedResult): string =>
    r.reason instanceof Error ? r.reason.message : String(r.reason);
  return {
    underlying,
    price:
      price.status === "fulfilled" ? price.value : { price: null, source: "none", skipped: [err(price)] },
    chain: chain.status === "fulfilled" ? chain.value : { error: err(chain) },
    ...(metrics.status === "fulfilled" && metrics.value.ivRank !== undefined
      ? { ivRank: metrics.value.ivRank }
      : {}),
    ...(metrics.status === "fulfilled" && metrics.value.ivIndex !== undefined
      ? { ivIndex: metrics.value.ivIndex }
      : {}),
    ...(metrics.status === "rejected" ? { metricsError: err(metrics) } : {}),
    book: new QuoteBook(provider),
  };
}

/** Scan-wide inputs. */
export interface ScanSettings {
  config: StrategiesConfig;
  strict: boolean;
  /** ms since epoch. */
  now: number;
  /** `YYYY-MM-DD` in New York. */
  today: string;
}

function sideRules(rules: StrategyRules, width: number): SideRule[] {
  const delta = rules.shortDelta;
  if (rules.name === "short_put_spread_index_45d") return [{ right: "P", width, delta }];
  if (rules.name === "short_call_spread_index_45d") return [{ right: "C", width, delta }];
  return [
    { right: "P", width, delta },
    { right: "C", width, delta },
  ];
}

/** Builds and judges one candidate (strategy × underlying): an idea, or why there is none. */
export async function buildCandidate(
  rules: StrategyRules,
  m: UnderlyingMarket,
  s: ScanSettings,
): Promise<{ idea: Idea } | { unbuilt: UnbuiltCandidate }> {
  const base = { strategy: rules.name, underlying: m.underlying, verdict: "unbuildable" as const };
  const fail = (stage: UnbuiltCandidate["stage"], reasons: string[], extra = {}) => ({
    unbuilt: { ...base, stage, ...extra, reasons },
  });
  if (m.price.price === null)
    return fail("underlying_price", [`no underlying price (${m.price.skipped.join("; ") || "no source"})`]);
  if ("error" in m.chain) return fail("chain", [`option chain unavailable: ${m.chain.error}`]);
  const width = rules.width[m.underlying];
  if (width === undefined) return fail("strike", [`no width configured for ${m.underlying}`]);

  const picked = chooseExpiration(m.chain, rules.dte, s.today, s.now);
  if (!picked.ok) return fail("expiration", [picked.reason]);
  const choice = picked.choice;
  const where = { root: choice.root.root, expiration: choice.expiration.date, dte: choice.dte };
  const { pricing, fill: f } = s.config;
  const fill: FillOptions = {
    model: f.model,
    now: s.now,
    maxAgeMs: f.maxQuoteAgeMs,
    ...(f.concession !== undefined ? { concession: f.concession } : {}),
    ...(f.maxSpreadWidth !== undefined ? { maxSpreadWidth: f.maxSpreadWidth } : {}),
    ...(f.maxSpreadPctOfMid !== undefined ? { maxSpreadPctOfMid: f.maxSpreadPctOfMid } : {}),
  };
  const model = {
    spot: m.price.price,
    years: (choice.settlesAt - s.now) / MS_PER_YEAR,
    rate: pricing.rate,
    dividendYield: pricing.dividendYield,
  };
  const inputs = {
    choice,
    model,
    volGuess: m.ivIndex ?? DEFAULT_VOL_GUESS,
    book: m.book,
    ticks: choice.root.tickSizes,
    fill,
  };

  const sides: ChosenSide[] = [];
  for (const rule of sideRules(rules, width)) {
    const r = await selectSide(rule, inputs);
    if (!r.ok) return fail(r.stage, r.reasons, where);
    sides.push(r.side);
  }
  const built = buildIdea({
    strategy: rules.name,
    underlying: m.underlying,
    choice,
    sides,
    model,
    underlyingSource: m.price.source,
    ...(m.ivRank !== undefined ? { ivRank: m.ivRank } : {}),
    quantity: rules.quantity,
    fill,
    now: s.now,
    fees: s.config.fees,
    ...(pricing.volRiskPremium !== undefined ? { volRiskPremium: pricing.volRiskPremium } : {}),
  });
  if (!built.ok) return fail(built.stage, built.reasons, where);
  const checks = evaluateFilters(rules.filters, built.idea);
  const idea = judgeIdea(built.idea, checks, {
    strict: s.strict,
    lowConfidence: m.price.lowConfidence,
    lowConfidenceReason: `underlying price from ${m.price.source}, ${Math.round(m.price.ageMs / 1000)}s old`,
  });
  return { idea };
}
