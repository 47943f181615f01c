import type { MarketDataProvider } from "../market-data/market-data-provider";
import type { TickSize } from "../market-data/option-chain";
import type { Idea } from "../strategies/idea";
import type { Clock } from "../time/clock";
import type { EntryFill } from "./entry-order";
import { DEFAULT_INDEX_TICKS, fillOrderLegs, type Refusal } from "./leg-fill";
import type { PaperFillSettings } from "./paper-settings";

/** The root's tick table from the (cached) chain, or the CBOE index defaults when unavailable. */
export async function rootTicks(
  provider: Pick<MarketDataProvider, "getChain">,
  underlying: string,
  root: string,
): Promise<readonly TickSize[]> {
  try {
    const chain = await provider.getChain(underlying);
    const ticks = chain.roots.find((r) => r.root === root)?.tickSizes;
    return ticks && ticks.length > 0 ? ticks : DEFAULT_INDEX_TICKS;
  } catch {
    return DEFAULT_INDEX_TICKS;
  }
}

/**
 * Re-quotes an idea's legs through the provider (stream snapshot first, REST fallback) and fills
 * them with the fill model. Refuses — with every reason — on a missing, stale or too-wide leg
 * quote, a missing or TA-hint underlying price, no net credit, or a credit that slipped more than
 * `maxCreditDropFraction` below the idea's.
 */
export async function priceEntry(
  deps: { provider: MarketDataProvider; clock: Clock },
  idea: Idea,
  fill: PaperFillSettings,
): Promise<{ ok: true; fill: EntryFill } | { ok: false; reasons: Refusal[] }> {
  const [quotes, underlying, ticks] = await Promise.all([
    deps.provider.getQuotes(idea.legs.map((l) => l.streamerSymbol)),
    deps.provider.getUnderlyingPrice(idea.underlying),
    rootTicks(deps.provider, idea.underlying, idea.root),
  ]);
  const now = deps.clock.now();
  const legs = idea.legs.map((l) => ({
    streamerSymbol: l.streamerSymbol,
    action: l.side === "short" ? ("sell" as const) : ("buy" as const),
    ratio: 1,
  }));
  const filled = fillOrderLegs(legs, quotes, ticks, { ...fill, now });
  const reasons: Refusal[] = filled.ok ? [] : [...filled.reasons];
  if (underlying.price === null) {
    reasons.push({
      code: "no-underlying-price",
      message: `no price for ${idea.underlying} (${underlying.skipped.join("; ") || "no source"})`,
    });
  } else if (underlying.lowConfidence || underlying.source === "ta-hint") {
    reasons.push({
      code: "ta-hint-price",
      message: `${idea.underlying} price is a TA hint: never traded on`,
    });
  }
  if (filled.ok) {
    const floor = idea.credit * (1 - fill.maxCreditDropFraction);
    if (filled.net <= 0) {
      reasons.push({ code: "no-credit", message: `re-quoted net ${filled.net.toFixed(2)} is not a credit` });
    } else if (filled.net < floor - 1e-9) {
      reasons.push({
        code: "credit-slipped",
        message: `re-quoted credit ${filled.net.toFixed(2)} < ${floor.toFixed(2)} (idea ${idea.credit.toFixed(2)} − ${fill.maxCreditDropFraction * 100}%)`,
      });
    }
  }
  if (!filled.ok || reasons.length > 0 || underlying.price === null) return { ok: false, reasons };
  return {
    ok: true,
    fill: {
      credit: filled.net,
      legs: filled.legs,
      underlyingPrice: underlying.price,
      underlyingSource: underlying.source,
      time: now,
      ticks,
    },
  };
}
