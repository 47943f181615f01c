import { usd, type PositionMark } from "@stratdeck/core/ledger";

const signed = (cents: number): string => (cents >= 0 ? "+" : "") + usd(cents);
const pct = (f: number): string => `${(f * 100).toFixed(1)}%`;

/** Human lines for one marked position. */
export function formatMark(m: PositionMark): string[] {
  const head = `${m.positionId}  ${m.underlying} ${m.strategy} ${m.expiration} (${m.dte} DTE) x${m.quantity}`;
  const under =
    m.underlyingPrice === null
      ? `${m.underlying} price unknown`
      : `${m.underlying} ${m.underlyingPrice} (${m.underlyingSource})  ` +
        m.shortStrikes
          .map(
            (s) =>
              `short ${s.strike}${s.optionType}: ${s.points >= 0 ? "+" : ""}${s.points.toFixed(2)} pts (${pct(s.pct)})`,
          )
          .join("  ");
  const ages =
    m.oldestQuoteAgeMs === null
      ? "quotes missing"
      : `quotes ≤ ${(m.oldestQuoteAgeMs / 1000).toFixed(1)}s old`;
  const money =
    m.status === "priced"
      ? `credit ${m.entryCredit.toFixed(2)}  debit to close ${m.debitToClose.toFixed(2)}  P&L ${signed(m.pnlCents)} (${pct(m.pctOfMaxProfit)} of max ${usd(m.maxProfitCents)}), fees ${usd(m.feesCents)}, net ${signed(m.netPnlCents)}`
      : `credit ${m.entryCredit.toFixed(2)}  UNPRICED: ${m.reason}`;
  return [head, `  ${money}  BE ${m.breakevens.join(" / ")}`, `  ${under}  ${ages}`];
}
