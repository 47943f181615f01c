import { normalAt } from "./prng";

const MINUTE_MS = 60_000;
const MINUTES_PER_YEAR = 365 * 24 * 60;
/** History before the origin is generated at most this far back, minutes (two years). */
const MAX_BACK_MINUTES = 2 * MINUTES_PER_YEAR;

/**
 * A deterministic Brownian path W(t) (log-price units) with W(origin) = 0: one normal increment
 * per minute (indexed by the absolute minute, so the path does not depend on evaluation order),
 * filled in with a per-second Brownian bridge. Cumulative minute values are cached in both
 * directions, so any instant costs O(1) after the first visit.
 */
export class RandomWalk {
  private readonly originMinute: number;
  private readonly sigmaMinute: number;
  private readonly sigmaSecond: number;
  private forward: Float64Array = new Float64Array(1024);
  private forwardLen = 1;
  private backward: Float64Array = new Float64Array(1024);
  private backwardLen = 1;
  private bridgeMinute = Number.NaN;
  private readonly bridge = new Float64Array(61);

  /**
   * @param seed - market seed
   * @param stream - distinguishes independent walks
   * @param annualVol - volatility of the walk, annualised fraction
   * @param originMs - instant where W = 0, ms since epoch
   */
  constructor(
    private readonly seed: number,
    private readonly stream: number,
    annualVol: number,
    originMs: number,
  ) {
    this.originMinute = Math.floor(originMs / MINUTE_MS);
    this.sigmaMinute = annualVol / Math.sqrt(MINUTES_PER_YEAR);
    this.sigmaSecond = this.sigmaMinute / Math.sqrt(60);
  }

  /** W at an instant, ms since epoch. */
  at(ms: number): number {
    const minute = Math.floor(ms / MINUTE_MS);
    const w0 = this.atMinute(minute);
    if (ms === minute * MINUTE_MS) return w0;
    const w1 = this.atMinute(minute + 1);
    const secondsIn = (ms - minute * MINUTE_MS) / 1000;
    const s = Math.floor(secondsIn);
    const frac = secondsIn - s;
    const b = this.bridgeFor(minute);
    const bridge = (b[s] ?? 0) + ((b[s + 1] ?? 0) - (b[s] ?? 0)) * frac;
    return w0 + (w1 - w0) * (secondsIn / 60) + bridge;
  }

  /** W at the start of an absolute minute. */
  private atMinute(minute: number): number {
    const k = minute - this.originMinute;
    if (k >= 0) {
      this.extendForward(k);
      return this.forward[k] ?? 0;
    }
    const back = Math.min(-k, MAX_BACK_MINUTES);
    this.extendBackward(back);
    return this.backward[back] ?? 0;
  }

  private extendForward(k: number): void {
    if (k < this.forwardLen) return;
    this.forward = grow(this.forward, k + 1);
    for (let i = this.forwardLen; i <= k; i++) {
      const inc = this.sigmaMinute * normalAt(this.seed, this.stream, this.originMinute + i - 1);
      this.forward[i] = (this.forward[i - 1] ?? 0) + inc;
    }
    this.forwardLen = k + 1;
  }

  private extendBackward(k: number): void {
    if (k < this.backwardLen) return;
    this.backward = grow(this.backward, k + 1);
    for (let i = this.backwardLen; i <= k; i++) {
      const inc = this.sigmaMinute * normalAt(this.seed, this.stream, this.originMinute - i);
      this.backward[i] = (this.backward[i - 1] ?? 0) - inc;
    }
    this.backwardLen = k + 1;
  }

  /** Partial sums of the bridge inside a minute (61 points, 0 at both ends). */
  private bridgeFor(minute: number): Float64Array {
    if (minute === this.bridgeMinute) return this.bridge;
    let sum = 0;
    this.bridge[0] = 0;
    for (let s = 0; s < 60; s++) {
      sum += this.sigmaSecond * normalAt(this.seed, this.stream + 1_000_003, minute, s);
      this.bridge[s + 1] = sum;
    }
    const total = sum;
    for (let s = 0; s <= 60; s++) this.bridge[s] = (this.bridge[s] ?? 0) - (s / 60) * total;
    this.bridgeMinute = minute;
    return this.bridge;
  }
}

function grow(a: Float64Array, needed: number): Float64Array {
  if (needed <= a.length) return a;
  let size = a.length;
  while (size < needed) size *= 2;
  const next = new Float64Array(size);
  next.set(a);
  return next;
}
