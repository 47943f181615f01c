import type { BuyAndHold } from "./backtest-types";
import { sharpeOfEquity } from "./trade-figures";

const round = (x: number, dp: number): number => Number(x.toFixed(dp));

/**
 * Buy-and-hold of `underlying` with `notionalCents` invested at the first close: its P&L at each
 * close, cents (rounded down to the cent).
 */
export function buyAndHoldOf(
  underlying: string,
  dates: readonly string[],
  closes: readonly number[],
  notionalCents: number,
): BuyAndHold {
  const first = closes[0];
  const equityCents = closes.map((c) =>
    first !== undefined && first > 0 && Number.isFinite(c) ? Math.floor(notionalCents * (c / first - 1)) : 0,
  );
  const sharpe = sharpeOfEquity(equityCents);
  return {
    underlying,
    notionalCents,
    closes: closes.slice(0, dates.length).map((c) => (Number.isFinite(c) ? c : 0)),
    equityCents,
    sharpe: sharpe === null ? null : round(sharpe, 3),
  };
}
