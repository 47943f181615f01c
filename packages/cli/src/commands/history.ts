import type { Command } from "commander";
import { tradeHistory, usd, type HistoryReport } from "@stratdeck/core/paper";
import { emit } from "../support/output";
import { withDeps } from "../support/deps";
import { action } from "../support/run";

interface Options {
  json?: boolean;
  limit: string;
  cursor?: string;
}

/** `stratdeck history`: closed and settled positions, realised P&L and the totals. */
export function registerHistory(program: Command): void {
  program
    .command("history")
    .description(
      "closed and settled positions: realised P&L (gross, fees, net), hold time, exit reason; totals, win rate, max drawdown",
    )
    .option("--json", "print one JSON document")
    .option("--limit <n>", "trades per page (newest first)", "50")
    .option("--cursor <c>", "the nextCursor of a previous page")
    .action(
      action(async (opts: Options) => {
        const limit = Number(opts.limit);
        if (!Number.isInteger(limit) || limit < 1)
          throw new Error(`--limit must be a positive integer, got "${opts.limit}"`);
        const report = await withDeps((deps) =>
          tradeHistory(deps.orders, { limit, ...(opts.cursor !== undefined ? { cursor: opts.cursor } : {}) }),
        );
        emit(report, opts, human);
      }),
    );
}

const hours = (ms: number): string => `${(ms / 3_600_000).toFixed(1)}h`;

function human(r: HistoryReport): string {
  const t = r.totals;
  const lines = [
    `${t.trades} trades: net ${usd(t.netCents)} (gross ${usd(t.grossCents)}, fees ${usd(t.feesCents)}); ` +
      `win rate ${(t.winRate * 100).toFixed(1)}%, avg win ${usd(t.avgWinCents)}, avg loss ${usd(t.avgLossCents)}, ` +
      `max drawdown ${usd(t.maxDrawdownCents)}`,
  ];
  for (const x of r.trades) {
    const settled = x.settlement ? ` settled at ${x.settlement.price} (${x.settlement.source})` : "";
    lines.push(
      `  ${new Date(x.closedAt).toISOString().slice(0, 16)} ${x.underlying} ${x.strategy} ${x.expiration} ` +
        `${x.exitReason}${settled}: gross ${usd(x.grossCents)}, fees ${usd(x.feesCents)}, net ${usd(x.netCents)}, held ${hours(x.holdMs)}`,
    );
  }
  if (r.nextCursor) lines.push(`more: --cursor ${r.nextCursor}`);
  return lines.join("\n");
}
