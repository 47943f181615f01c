import type { Command } from "commander";
import { tradeHistory } from "@stratdeck/core/ledger";
import { historyText } from "../support/history-text";
import { emit } from "../support/output";
import { withDeps } from "../support/deps";
import { action, OptionError } from "../support/run";

interface Options {
  json?: boolean;
  limit: string;
  cursor?: string;
}

/** `stratdeck history`: closed and settled positions, realised P&L and the totals. */
export function registerHistory(command: Command): void {
  command
    .option("--json", "print one JSON document")
    .option("--limit <n>", "trades per page (newest first)", "50")
    .option("--cursor <c>", "the nextCursor of a previous page")
    .action(
      action(async (opts: Options) => {
        const limit = Number(opts.limit);
        if (!Number.isInteger(limit) || limit < 1)
          throw new OptionError(`--limit must be a positive integer, got "${opts.limit}"`);
        const report = await withDeps((deps) =>
          tradeHistory(deps.orders, { limit, ...(opts.cursor !== undefined ? { cursor: opts.cursor } : {}) }),
        );
        emit(report, opts, historyText);
      }),
    );
}
