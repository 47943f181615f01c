import type { Log } from "../log/log";
import type { Snapshot } from "../market-data/snapshot";
import type { SnapshotStore } from "../market-data/snapshot-store";
import type { Clock } from "../time/clock";
import type { SymbolState } from "../dxlink/market-book";
import { toSnapshot } from "../dxlink/market-book";
import { differs, valuesOf } from "./snapshot-values";
import { ThrottledWarnings } from "../dxlink/throttled-warnings";
import { sleep } from "../dxlink/timers";
import type { Timers } from "../dxlink/timers";

/** Knobs of the writer (ms). */
export interface SnapshotWriterOptions {
  /** At most one write per symbol per window. */
  windowMs: number;
  /**
   * Unchanged snapshots are re-written (re-confirmed) this often while the stream is healthy, so
   * a reader's max-age means "the stream vouches for this value", not "the value last changed".
   * Readers should use a max age of at least heartbeatMs + windowMs + write latency (~10 s).
   */
  heartbeatMs: number;
  /** Parallel putMany calls per flush (each batched 25 items per BatchWriteItem by the store). */
  concurrency: number;
  /** Cap of the retry delay while the store is unreachable. */
  maxRetryDelayMs: number;
}

export const DEFAULT_WRITER_OPTIONS: SnapshotWriterOptions = {
  windowMs: 1_000,
  heartbeatMs: 5_000,
  concurrency: 4,
  maxRetryDelayMs: 15_000,
};

/** What the writer reads and writes. */
export interface SnapshotWriterDeps {
  store: Pick<SnapshotStore, "putMany">;
  clock: Clock;
  log: Log;
  /** The coalesced per-symbol states (the stream's market book). */
  states: () => Iterable<SymbolState>;
  /**
   * Earliest update time the stream currently vouches for (ms since epoch), or null when it is
   * not healthy: heartbeats only re-confirm symbols updated since then (i.e. on this session).
   */
  confirmSince: () => number | null;
  timers?: Timers;
}

/** Counters for the stream heartbeat. */
export interface SnapshotWriterStats {
  /** Snapshots written because they changed. */
  writes: number;
  /** Unchanged snapshots re-confirmed. */
  heartbeats: number;
  flushes: number;
  failedFlushes: number;
  /** Symbols waiting to be written (changed or due) after the last flush. */
  pending: number;
  lastFlushAt: number | null;
  lastError: string | null;
}

interface Written {
  values: Float64Array;
  writtenAt: number;
}

/**
 * Coalesces the stream into the SnapshotStore: per window, every symbol whose values changed is
 * written once (latest value wins), unchanged ones only on the heartbeat. Nothing is queued: the
 * book already holds only the latest state per symbol, so while the store is unreachable memory
 * stays bounded and the next successful flush writes the latest values.
 */
export class SnapshotWriter {
  private readonly options: SnapshotWriterOptions;
  private readonly written = new Map<string, Written>();
  private readonly warnings: ThrottledWarnings;
  private failures = 0;
  private readonly counters: SnapshotWriterStats = {
    writes: 0,
    heartbeats: 0,
    flushes: 0,
    failedFlushes: 0,
    pending: 0,
    lastFlushAt: null,
    lastError: null,
  };

  constructor(
    private readonly deps: SnapshotWriterDeps,
    options: Partial<SnapshotWriterOptions> = {},
  ) {
    this.options = { ...DEFAULT_WRITER_OPTIONS, ...options };
    this.warnings = new ThrottledWarnings(deps.log, deps.clock, "stream.write-failed", 30_000);
  }

  stats(): SnapshotWriterStats {
    return { ...this.counters };
  }

  /** Writes what is due now; never throws (a failed slice stays due). Returns snapshots written. */
  async flush(): Promise<number> {
    const now = this.deps.clock.now();
    const since = this.deps.confirmSince();
    const due: { snap: Snapshot; values: Float64Array; heartbeat: boolean }[] = [];
    let live = 0;
    for (const st of this.deps.states()) {
      if (st.version === 0 || st.removed) continue;
      live++;
      const prev = this.written.get(st.symbol);
      const changed = !prev || differs(prev.values, st);
      const heartbeat =
        !changed &&
        since !== null &&
        st.updatedAt >= since &&
        now - prev.writtenAt >= this.options.heartbeatMs;
      if (changed || heartbeat) due.push({ snap: toSnapshot(st, now), values: valuesOf(st), heartbeat });
    }
    if (this.written.size > live) this.prune();
    this.counters.flushes++;
    this.counters.lastFlushAt = now;
    if (due.length === 0) {
      this.counters.pending = 0;
      return 0;
    }
    const size = Math.max(25, Math.ceil(due.length / this.options.concurrency));
    const slices: (typeof due)[] = [];
    for (let i = 0; i < due.length; i += size) slices.push(due.slice(i, i + size));
    const results = await Promise.allSettled(
      slices.map((s) => this.deps.store.putMany(s.map((d) => d.snap))),
    );
    let ok = 0;
    let failed = 0;
    results.forEach((r, i) => {
      const slice = slices[i]!;
      if (r.status === "rejected") {
        failed += slice.length;
        this.counters.lastError = errorText(r.reason);
        this.warnings.warn("put-many", { error: this.counters.lastError, symbols: slice.length });
        return;
      }
      for (const d of slice) {
        this.written.set(d.snap.symbol, { values: d.values, writtenAt: now });
        if (d.heartbeat) this.counters.heartbeats++;
        else this.counters.writes++;
      }
      ok += slice.length;
    });
    this.counters.pending = failed;
    if (failed > 0) {
      this.counters.failedFlushes++;
      this.failures++;
    } else if (this.failures > 0) {
      this.deps.log.info("stream.write-recovered", { afterFailedFlushes: this.failures, written: ok });
      this.failures = 0;
    }
    return ok;
  }

  /** Flushes every window until `signal` aborts (the final flush is the caller's). */
  async run(signal: AbortSignal): Promise<void> {
    const { windowMs, maxRetryDelayMs } = this.options;
    while (!signal.aborted) {
      const started = this.deps.clock.now();
      await this.flush();
      // While the store fails, back off (doubling, capped) instead of retrying every window.
      const wait = this.failures > 0 ? Math.min(maxRetryDelayMs, windowMs * 2 ** this.failures) : windowMs;
      await sleep(wait - (this.deps.clock.now() - started), signal, this.deps.timers);
    }
  }

  private prune(): void {
    const live = new Set<string>();
    for (const st of this.deps.states()) if (st.version > 0 && !st.removed) live.add(st.symbol);
    for (const sym of this.written.keys()) if (!live.has(sym)) this.written.delete(sym);
  }
}

function errorText(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}
