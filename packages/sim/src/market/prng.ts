/**
 * Counter-based randomness: every draw is a pure function of (seed, stream, indices), so the
 * market at a given instant does not depend on which instants were looked at before.
 */

const TWO_32 = 4_294_967_296;

/** A 32-bit avalanche mix (lowbias32). */
function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hashes numbers (integers of any size, negative allowed) to an unsigned 32-bit value. */
export function hashInts(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const p of parts) {
    const hi = Math.floor(p / TWO_32);
    h = mix32(h ^ (p >>> 0));
    h = mix32((h + Math.imul(hi | 0, 0x85ebca6b)) >>> 0);
  }
  return h;
}

/** FNV-1a hash of a string, unsigned 32-bit. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Uniform in (0, 1) from the given parts. */
export function uniformAt(...parts: number[]): number {
  return (hashInts(...parts) + 0.5) / TWO_32;
}

/** Standard normal from the given parts (Box-Muller on two independent uniforms). */
export function normalAt(...parts: number[]): number {
  const u1 = uniformAt(...parts, 1);
  const u2 = uniformAt(...parts, 2);
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}
