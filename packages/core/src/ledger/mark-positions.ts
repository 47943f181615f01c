import type { Log } from "../log/log";
import type { MarketDataProvider, Quote, UnderlyingPrice } from "../market-data/market-data-provider";
import type { Clock } from "../time/clock";
import type { PositionRecord } from "./order-types";
import type { PaperOrderStore } from "./paper-order-store";
import type { FeeSchedule } from "./fee-model";
import type { PaperFillSettings, PaperSettings } from "./paper-settings";
import { markPosition, type PositionMark } from "./position-mark";

/** Deps of {@link markPositions}. */
export interface MarkPositionsDeps {
  clock: Clock;
  log: Log;
  orders: Pick<PaperOrderStore, "listOpenPositions">;
  provider: MarketDataProvider;
}

/** Open positions marked to market. */
export interface PositionsReport {
  /** ms since epoch. */
  asOf: number;
  positions: PositionMark[];
  /** Sum of the priced positions' open P&L before fees, cents. */
  totalPnlCents: number;
  /** Sum of the priced positions' fees (entry paid + closing estimated), cents. */
  totalFeesCents: number;
  /** `totalPnlCents − totalFeesCents`. */
  totalNetPnlCents: number;
  /** How many positions could not be priced. */
  unpriced: number;
}

/**
 * Marks every open position from current quotes (the provider reads the stream snapshot first and
 * falls back to REST). One quote request for all legs, one price per underlying.
 */
export async function markPositions(
  deps: MarkPositionsDeps,
  options: { settings: PaperSettings },
): Promise<PositionsReport> {
  const settings = options.settings;
  const positions = await markAll(deps, await deps.orders.listOpenPositions(), settings.fill, settings.fees);
  const priced = positions.filter((p) => p.status === "priced");
  const totalPnlCents = priced.reduce((s, p) => s + p.pnlCents, 0);
  const totalFeesCents = priced.reduce((s, p) => s + p.feesCents, 0);
  return {
    asOf: deps.clock.now(),
    positions,
    totalPnlCents,
    totalFeesCents,
    totalNetPnlCents: totalPnlCents - totalFeesCents,
    unpriced: positions.length - priced.length,
  };
}

/** Marks positions with one batched quote lookup. Lookup failures leave positions unpriced (logged). */
export async function markAll(
  deps: Omit<MarkPositionsDeps, "orders">,
  positions: readonly PositionRecord[],
  fill: PaperFillSettings,
  fees: FeeSchedule,
): Promise<PositionMark[]> {
  if (positions.length === 0) return [];
  const symbols = [...new Set(positions.flatMap((p) => p.legs.map((l) => l.streamerSymbol)))];
  const underlyings = [...new Set(positions.map((p) => p.underlying))];
  const [quotes, prices] = await Promise.all([
    deps.provider.getQuotes(symbols).catch((err: Error): Map<string, Quote> => {
      deps.log.warn("positions.quotes-failed", { symbols: symbols.length, error: err.message });
      return new Map();
    }),
    Promise.all(
      underlyings.map((u) =>
        deps.provider.getUnderlyingPrice(u).catch((err: Error): UnderlyingPrice => {
          deps.log.warn("positions.underlying-failed", { underlying: u, error: err.message });
          return { price: null, source: "none", skipped: [err.message] };
        }),
      ),
    ),
  ]);
  const byUnderlying = new Map(underlyings.map((u, i) => [u, prices[i]]));
  const now = deps.clock.now();
  return positions.map((p) =>
    markPosition(p, {
      quotes,
      underlying: byUnderlying.get(p.underlying),
      now,
      fill,
      fees,
    }),
  );
}
