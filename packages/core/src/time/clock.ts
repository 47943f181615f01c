/** Source of the current time. Core never calls `Date.now()`; it asks a Clock. */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

/** The wall clock. Only shells (Lambda, CLI, stream task) construct it. */
export const systemClock: Clock = { now: () => Date.now() };

/** A clock that only moves when told to; for tests and simulated days. */
export class FakeClock implements Clock {
  private current: number;

  /** @param start - initial time, ms since epoch or an ISO string */
  constructor(start: number | string = 0) {
    this.current = typeof start === "string" ? Date.parse(start) : start;
    if (!Number.isFinite(this.current)) throw new Error(`FakeClock: invalid start time ${String(start)}`);
  }

  now(): number {
    return this.current;
  }

  /** Moves the clock forward by `ms` milliseconds (must be >= 0). */
  advance(ms: number): void {
    if (!(ms >= 0)) throw new Error(`FakeClock.advance: ms must be >= 0, got ${ms}`);
    this.current += ms;
  }

  /** Jumps to an absolute time (ms since epoch or ISO string); may not go backwards. */
  set(to: number | string): void {
    const t = typeof to === "string" ? Date.parse(to) : to;
    if (!(t >= this.current)) throw new Error(`FakeClock.set: cannot go back from ${this.current} to ${t}`);
    this.current = t;
  }
}

/**
 * A clock that runs `speed` times faster than `base`, starting at `start`.
 * Used by the simulator and `--speed`.
 */
export function scaledClock(base: Clock, speed: number, start: number = base.now()): Clock {
  if (!(speed > 0)) throw new Error(`scaledClock: speed must be > 0, got ${speed}`);
  const origin = base.now();
  return { now: () => start + (base.now() - origin) * speed };
}
