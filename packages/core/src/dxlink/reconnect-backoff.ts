import { backoffDelay } from "../storage/retry";

/** Reconnect backoff settings (all ms). */
export interface BackoffOptions {
  /** Delay scale of the first retry (the delay lies in [initial/2, initial)). */
  initialMs: number;
  /** Cap of one delay (delays lie in [max/2, max) once capped). */
  maxMs: number;
  /** A session that streamed at least this long resets the backoff to the first step. */
  resetAfterMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 1_000, maxMs: 30_000, resetAfterMs: 60_000 };

/**
 * Exponential reconnect backoff with "equal jitter": half of each delay is fixed, half random.
 * Unlike full jitter it never yields ~0 ms, so a server that accepts and drops at once cannot
 * drive a tight reconnect loop; the random half still spreads many clients apart.
 */
export class ReconnectBackoff {
  private attempt = 0;

  constructor(
    private readonly options: BackoffOptions = DEFAULT_BACKOFF,
    private readonly random: () => number = Math.random,
  ) {}

  /** Attempts since the last reset. */
  get attempts(): number {
    return this.attempt;
  }

  /**
   * Notes how long the session that just ended was streaming (ms; 0 if it never got there) and
   * returns the delay before the next connect, ms.
   */
  next(streamedMs: number): number {
    if (streamedMs >= this.options.resetAfterMs) this.attempt = 0;
    const half = { attempts: 1, baseDelayMs: this.options.initialMs / 2, maxDelayMs: this.options.maxMs / 2 };
    const fixed = Math.min(half.maxDelayMs, half.baseDelayMs * 2 ** this.attempt);
    const delay = Math.round(fixed + backoffDelay(this.attempt, half, this.random));
    this.attempt++;
    return Math.max(1, delay);
  }
}
