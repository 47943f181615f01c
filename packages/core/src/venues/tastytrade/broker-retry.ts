import type { Log } from "../../log/log";
import { isTastyApiError } from "../../tasty/tasty-api-error";
import type { Clock } from "../../time/clock";

/** Longest single wait between two tries of a broker call, ms. */
export const MAX_BACKOFF_MS = 30_000;
/**
 * How long one broker call keeps being retried through transient failures before the run gives
 * up on following the order (its pending record stays for the next run or the reconcile job), ms.
 */
export const RETRY_BUDGET_MS = 5 * 60_000;

/** What {@link retryBrokerCall} needs. */
export interface RetryDeps {
  clock: Clock;
  log: Log;
  /** Waits `ms` (real time in production, the fake clock in tests). */
  sleep: (ms: number) => Promise<void>;
  /** Uniform in [0, 1) for jitter; default Math.random. */
  random?: () => number;
}

/** The broker could not be reached for longer than {@link RETRY_BUDGET_MS}; the order is not followed to its end by this run. */
export class BrokerUnreachableError extends Error {
  override readonly name = "BrokerUnreachableError";
  constructor(
    readonly call: string,
    override readonly cause: unknown,
  ) {
    super(`${call}: broker unreachable for ${RETRY_BUDGET_MS} ms (${(cause as Error).message})`);
  }
}

/**
 * True for failures worth another try: HTTP 429 (and a REST cooldown it started), 5xx, a timeout
 * or a dropped connection. Validation, auth and not-found answers are final.
 */
export function isTransient(err: unknown): boolean {
  return isTastyApiError(err, "rate-limit", "cooldown", "server", "timeout", "network");
}

/**
 * Calls `fn` until it succeeds or fails for good: transient failures ({@link isTransient}) are
 * retried with exponential backoff and jitter (half to all of `baseMs × 2^try`, at most {@link MAX_BACKOFF_MS};
 * a cooldown waits until it ends, tastytrade sends no Retry-After), each logged as
 * `live.order.retry`; after {@link RETRY_BUDGET_MS} a {@link BrokerUnreachableError} is thrown.
 */
export async function retryBrokerCall<T>(
  deps: RetryDeps,
  call: string,
  baseMs: number,
  fn: () => Promise<T>,
): Promise<T> {
  const start = deps.clock.now();
  const random = deps.random ?? Math.random;
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (!isTransient(err)) throw err;
      if (deps.clock.now() - start >= RETRY_BUDGET_MS) throw new BrokerUnreachableError(call, err);
      const waitMs = backoffMs(err, attempt, baseMs, random, deps.clock.now());
      deps.log.warn("live.order.retry", {
        call,
        attempt: attempt + 1,
        waitMs,
        error: (err as Error).message,
      });
      await deps.sleep(waitMs);
    }
  }
}

/**
 * The wait before try `attempt + 1`, ms: half to all of `baseMs × 2^attempt` (at most
 * {@link MAX_BACKOFF_MS}), or until a REST cooldown ends when that is later.
 */
export function backoffMs(
  err: unknown,
  attempt: number,
  baseMs: number,
  random: () => number,
  now: number,
): number {
  const backoff = Math.min(MAX_BACKOFF_MS, baseMs * 2 ** attempt);
  const cooldown = isTastyApiError(err) ? (err.cooldownUntil ?? 0) - now : 0;
  return Math.max(Math.ceil(backoff * (0.5 + random() / 2)), cooldown);
}
