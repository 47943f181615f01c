import { usd, type HistoryReport } from "@stratdeck/core/ledger";
import { nyTimeText } from "@stratdeck/core/time";

const hours = (ms: number): string => `${(ms / 3_600_000).toFixed(1)}h`;

/**
 * Human lines of a trade history: totals (net, gross, fees, win rate, averages, max drawdown), then
 * one line per trade with its close time in New York, gross, fees and net.
 */
export function historyText(r: HistoryReport): string {
  const t = r.totals;
  const lines = [
    `${t.trades} trades: net ${usd(t.netCents)} (gross ${usd(t.grossCents)}, fees ${usd(t.feesCents)}); ` +
      `win rate ${(t.winRate * 100).toFixed(1)}%, avg win ${usd(t.avgWinCents)}, avg loss ${usd(t.avgLossCents)}, ` +
      `max drawdown ${usd(t.maxDrawdownCents)}`,
  ];
  for (const x of r.trades) {
    const settled = x.settlement ? ` settled at ${x.settlement.price} (${x.settlement.source})` : "";
    lines.push(
      `  ${nyTimeText(x.closedAt)} ${x.underlying} ${x.strategy} ${x.expiration} ` +
        `${x.exitReason}${settled}: gross ${usd(x.grossCents)}, fees ${usd(x.feesCents)}, net ${usd(x.netCents)}, held ${hours(x.holdMs)}`,
    );
  }
  if (r.nextCursor) lines.push(`more: --cursor ${r.nextCursor}`);
  return lines.join("\n");
}
