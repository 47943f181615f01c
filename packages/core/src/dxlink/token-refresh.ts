import type { Clock } from "../time/clock";
import type { QuoteTokenKeeper } from "./quote-token";
import { MAX_TIMER_MS } from "./timers";
import type { TimerHandle, Timers } from "./timers";

/** What {@link scheduleTokenRefresh} needs. */
export interface TokenRefreshDeps {
  keeper: QuoteTokenKeeper;
  clock: Clock;
  timers: Timers;
  /** Retry delay after a failed fetch, ms. */
  retryMs: number;
  /** Called once a new token is in hand (drop the session for a fast reconnect). */
  renew: () => void;
}

/**
 * Replaces the quote token before it expires: fetches the new one first (the session keeps
 * streaming on the old one if that fails, retried after `retryMs`), then calls `renew`.
 * Never sooner than half the remaining lifetime (at most 1 min) nor 1 s, so a token lifetime
 * shorter than the keeper's refreshBeforeMs cannot turn into a refresh/reconnect loop.
 */
export function scheduleTokenRefresh(d: TokenRefreshDeps): { cancel(): void } {
  let handle: TimerHandle | undefined;
  let cancelled = false;
  const arm = (delayMs: number): void => {
    handle = d.timers.setTimeout(() => void fire(), Math.min(MAX_TIMER_MS, Math.max(0, delayMs)));
  };
  const fire = async (): Promise<void> => {
    try {
      await d.keeper.refresh();
      if (!cancelled) d.renew();
    } catch {
      if (!cancelled) arm(d.retryMs);
    }
  };
  const due = d.keeper.refreshDueAt();
  const expiresAt = d.keeper.current()?.expiresAt;
  if (due !== null && expiresAt !== undefined) {
    const now = d.clock.now();
    arm(Math.max(due - now, Math.min(60_000, (expiresAt - now) / 2), 1_000));
  }
  return {
    cancel: () => {
      cancelled = true;
      if (handle !== undefined) d.timers.clearTimeout(handle);
    },
  };
}
