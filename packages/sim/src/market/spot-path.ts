import { RandomWalk } from "./random-walk";

/** A piece of the price path: from `from` on, price = level · exp(W(t) − w), or `level` when frozen. */
interface Segment {
  from: number;
  level: number;
  w: number;
  frozen: boolean;
}

/**
 * The price path of one underlying: a deterministic random walk re-anchored by jumps
 * (`setSpot`/`move`) and freezes. Instants before the first anchor extend the walk backwards.
 */
export class SpotPath {
  private readonly walk: RandomWalk;
  private readonly segments: Segment[];

  /**
   * @param level - price at `originMs`, index points
   * @param annualVol - volatility of the walk, annualised fraction
   */
  constructor(seed: number, stream: number, level: number, annualVol: number, originMs: number) {
    this.walk = new RandomWalk(seed, stream, annualVol, originMs);
    this.segments = [{ from: originMs, level, w: 0, frozen: false }];
  }

  /** Price at an instant, index points. */
  at(ms: number): number {
    let seg = this.segments[0] as Segment;
    for (let i = this.segments.length - 1; i >= 0; i--) {
      const s = this.segments[i] as Segment;
      if (s.from <= ms) {
        seg = s;
        break;
      }
    }
    return seg.frozen ? seg.level : seg.level * Math.exp(this.walk.at(ms) - seg.w);
  }

  /** From `ms` on, the price continues from `level` (frozen or walking). */
  anchor(ms: number, level: number, frozen: boolean): void {
    if (!(level > 0) || !Number.isFinite(level)) throw new Error(`price must be > 0, got ${level}`);
    const last = this.segments[this.segments.length - 1] as Segment;
    const from = Math.max(ms, last.from);
    const seg = { from, level, w: this.walk.at(from), frozen };
    if (last.from === from && this.segments.length > 1) this.segments[this.segments.length - 1] = seg;
    else this.segments.push(seg);
  }
}
