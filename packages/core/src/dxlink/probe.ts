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
  /** Deadline for connecting, authorizing and the first Quote, ms. */
  timeoutMs: number;
  /**
   * After the first Quote, how long to wait for an update of the symbol in a later frame, ms
   * (default 0: do not wait). Tells a feed that sends the subscription's snapshot and then nothing
   * from one whose updates arrive.
   */
  updateWithinMs?: number;
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
  /**
   * With `updateWithinMs`: `arriving` when an update followed the first Quote within it,
   * `snapshot-only` when the first Quote (the subscription's snapshot) was all that came.
   */
  updates?: "arriving" | "snapshot-only";
  /** First update after the first Quote, ms from the start of the probe. */
  firstUpdateMs?: number;
  error?: string;
}

/**
 * Connects, authorizes and waits for one Quote of `symbol` (with `updateWithinMs`, then for an
 * update after it), then disconnects. `ok` means a Quote came; whether updates followed is in
 * `updates`. Never throws; used by the tasty-health check.
 */
export async function probeDxLink(opts: ProbeOptions): Promise<ProbeResult> {
  const log = opts.log ?? silentLog;
  const t0 = performance.now();
  const since = (): number => Math.round(performance.now() - t0);
  const book = new MarketBook();
  let firstQuoteMs: number | undefined;
  let firstUpdateMs: number | undefined;
  /** The symbol's event count once the frame with its first Quote was applied. */
  let versionAtFirst = 0;
  let gotQuote!: () => void;
  let gotUpdate!: () => void;
  const quoted = new Promise<void>((r) => (gotQuote = r));
  const updated = new Promise<void>((r) => (gotUpdate = r));
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
        const st = book.get(opts.symbol);
        if (!st) return;
        if (firstQuoteMs === undefined) {
          firstQuoteMs = since();
          versionAtFirst = st.version;
          gotQuote();
        } else if (firstUpdateMs === undefined && st.version > versionAtFirst) {
          firstUpdateMs = since();
          gotUpdate();
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
  const waitMs = opts.updateWithinMs ?? 0;
  let updates: ProbeResult["updates"];
  if (outcome === null && waitMs > 0) {
    let wait: NodeJS.Timeout | undefined;
    const arrived = await Promise.race([
      updated.then(() => true),
      client.ended.then(() => false),
      new Promise<boolean>((r) => (wait = setTimeout(() => r(false), waitMs))),
    ]);
    clearTimeout(wait);
    updates = arrived ? "arriving" : "snapshot-only";
  }
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
    ...(updates ? { updates } : {}),
    ...(firstUpdateMs !== undefined && updates === "arriving" ? { firstUpdateMs } : {}),
    ...(outcome ? { error: `${outcome.reason}: ${outcome.message}` } : {}),
  };
  const { quote: _q, ...fields } = result;
  log[result.ok ? "info" : "warn"]("dxlink.probe", { ...fields, symbol: opts.symbol });
  return result;
}
