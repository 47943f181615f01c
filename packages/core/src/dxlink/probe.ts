import { performance } from "node:perf_hooks";
import type { Log } from "../log/log";
import { silentLog } from "../log/log";
import { systemClock } from "../time/clock";
import type { Snapshot } from "../market-data/snapshot";
import { DxLinkClient } from "./dxlink-client";
import { MarketBook, toSnapshot } from "./market-book";
import { ThrottledWarnings } from "./throttled-warnings";

/** Options of {@link probeDxLink}. */
export interface ProbeOptions {
  dxlinkUrl: string;
  /** Quote token (secret: never logged). */
  token: string;
  /** Streamer symbol to ask one Quote for, e.g. `SPX`. */
  symbol: string;
  /** Deadline for the whole probe, ms. */
  timeoutMs: number;
  log?: Log;
}

/** Result of {@link probeDxLink}; latencies are ms from the start of the probe. */
export interface ProbeResult {
  ok: boolean;
  /** Socket open. */
  connectMs?: number;
  /** AUTH_STATE AUTHORIZED. */
  authMs?: number;
  /** First Quote event for the symbol. */
  firstQuoteMs?: number;
  quote?: Snapshot;
  error?: string;
}

/**
 * Connects, authorizes and waits for one Quote of `symbol`, then disconnects. Never throws; used
 * by the tasty-health check.
 */
export async function probeDxLink(opts: ProbeOptions): Promise<ProbeResult> {
  const log = opts.log ?? silentLog;
  const t0 = performance.now();
  const since = (): number => Math.round(performance.now() - t0);
  const book = new MarketBook();
  let firstQuoteMs: number | undefined;
  let gotQuote!: () => void;
  const quoted = new Promise<void>((r) => (gotQuote = r));
  const client = new DxLinkClient(
    opts.dxlinkUrl,
    opts.token,
    {
      clock: systemClock,
      log,
      book,
      warnings: new ThrottledWarnings(log, systemClock),
      subscriptions: () => [{ type: "Quote", symbol: opts.symbol }],
      onData: () => {
        if (firstQuoteMs === undefined && book.get(opts.symbol)) {
          firstQuoteMs = since();
          gotQuote();
        }
      },
    },
    { actionTimeoutMs: opts.timeoutMs },
  );
  const marks = { connectMs: undefined as number | undefined, authMs: undefined as number | undefined };
  const timer = setTimeout(
    () => client.close("timeout", `no quote for ${opts.symbol} within ${opts.timeoutMs} ms`),
    opts.timeoutMs,
  );
  client.start();
  const outcome = await Promise.race([quoted.then(() => null), client.ended]);
  clearTimeout(timer);
  const { openedAt, authorizedAt, startedAt } = client.timings;
  if (openedAt !== undefined) marks.connectMs = Math.max(0, openedAt - startedAt);
  if (authorizedAt !== undefined) marks.authMs = Math.max(0, authorizedAt - startedAt);
  client.close("stopped");
  const st = book.get(opts.symbol);
  const result: ProbeResult = {
    ok: outcome === null,
    ...(marks.connectMs !== undefined ? { connectMs: marks.connectMs } : {}),
    ...(marks.authMs !== undefined ? { authMs: marks.authMs } : {}),
    ...(firstQuoteMs !== undefined ? { firstQuoteMs } : {}),
    ...(st ? { quote: toSnapshot(st, st.updatedAt) } : {}),
    ...(outcome ? { error: `${outcome.reason}: ${outcome.message}` } : {}),
  };
  const { quote: _q, ...fields } = result;
  log[result.ok ? "info" : "warn"]("dxlink.probe", { ...fields, symbol: opts.symbol });
  return result;
}
