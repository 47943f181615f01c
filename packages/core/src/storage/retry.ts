import { StoreError } from "./store-error";

/** Backoff policy for retrying throttled storage calls. */
export interface RetryPolicy {
  /** Attempts in total, including the first. */
  attempts: number;
  /** First delay, milliseconds. */
  baseDelayMs: number;
  /** Upper bound of one delay, milliseconds. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 6, baseDelayMs: 50, maxDelayMs: 2_000 };

/** Full-jitter exponential delay for attempt `n` (0-based), milliseconds. */
export function backoffDelay(n: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** n);
  return Math.floor(random() * cap);
}

/**
 * Runs `op`, retrying with exponential backoff and jitter while it fails with a throttled
 * {@link StoreError}. Other errors are thrown at once.
 */
export async function retryThrottled<T>(
  op: () => Promise<T>,
  policy: RetryPolicy = DEFAULT_RETRY,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
): Promise<T> {
  for (let n = 0; ; n++) {
    try {
      return await op();
    } catch (err) {
      if (!(err instanceof StoreError) || err.kind !== "throttled" || n + 1 >= policy.attempts) throw err;
      await sleep(backoffDelay(n, policy));
    }
  }
}
