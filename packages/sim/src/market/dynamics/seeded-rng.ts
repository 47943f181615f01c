import { hashInts } from "../prng";

const TWO_32 = 4_294_967_296;

/**
 * A fast sequential generator (sfc32) seeded from integers: the dynamics draw millions of normals
 * per simulated year, so they use one stream per session (seeded by the seed and the session's
 * day number) instead of hashing every draw. The same parts always give the same sequence.
 */
export class SeededRng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spare = Number.NaN;

  constructor(...parts: number[]) {
    this.a = hashInts(...parts, 1);
    this.b = hashInts(...parts, 2);
    this.c = hashInts(...parts, 3);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.next32();
  }

  private next32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in (0, 1). */
  uniform(): number {
    return (this.next32() + 0.5) / TWO_32;
  }

  /** Standard normal (Box-Muller, the second value kept for the next call). */
  normal(): number {
    if (!Number.isNaN(this.spare)) {
      const s = this.spare;
      this.spare = Number.NaN;
      return s;
    }
    const r = Math.sqrt(-2 * Math.log(this.uniform()));
    const theta = 2 * Math.PI * this.uniform();
    this.spare = r * Math.sin(theta);
    return r * Math.cos(theta);
  }
}
