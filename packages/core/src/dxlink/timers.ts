/** Opaque timer handle. */
export type TimerHandle = ReturnType<typeof setTimeout>;

/** Timer port, so tests can substitute fast or manual timers. */
export interface Timers {
  setTimeout(fn: () => void, ms: number): TimerHandle;
  clearTimeout(h: TimerHandle): void;
  setInterval(fn: () => void, ms: number): TimerHandle;
  clearInterval(h: TimerHandle): void;
}

/** Node's timers (unref'd is left to the caller: the stream task is meant to keep running). */
export const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h),
  setInterval: (fn, ms) => setInterval(fn, ms),
  clearInterval: (h) => clearInterval(h),
};

/** Longest delay a Node timer accepts, ms (about 24.8 days). */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** Waits `ms` milliseconds, or less when `signal` aborts first (never rejects). */
export function sleep(ms: number, signal: AbortSignal, timers: Timers = realTimers): Promise<void> {
  if (signal.aborted || ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      timers.clearTimeout(h);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const h = timers.setTimeout(done, Math.min(ms, MAX_TIMER_MS));
    signal.addEventListener("abort", done, { once: true });
  });
}
