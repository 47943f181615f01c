/**
 * A cheap hash of a symbol's bytes `b[start, end)` (`dv` views the same bytes): its length and
 * three 32-bit words — the first, and the last eight bytes (an option symbol's root, then expiry
 * day, right and strike). Keys that collide only cost a probe: {@link ByteTable} compares keys
 * in full.
 */
export function symbolHash(b: Uint8Array, dv: DataView<ArrayBufferLike>, start: number, end: number): number {
  const len = end - start;
  let h = Math.imul(len, 0x9e3779b1);
  if (len >= 8) {
    h = Math.imul(h ^ dv.getUint32(start, true), 0x85ebca6b);
    h = Math.imul(h ^ dv.getUint32(end - 8, true), 0xc2b2ae35);
    h = Math.imul(h ^ dv.getUint32(end - 4, true), 0x27d4eb2f);
  } else {
    for (let p = start; p < end; p++) h = Math.imul(h ^ b[p]!, 0x01000193);
  }
  return h ^ (h >>> 15);
}

/**
 * A hash table keyed by byte strings (ASCII symbols as they appear in a frame), so the hot path
 * finds a symbol's value without creating a string. Open addressing with the caller's hash
 * ({@link symbolHash}); keys are compared byte for byte. Bounded: at `maxCapacity` it starts
 * over empty.
 */
export class ByteTable<V> {
  private values: (V | undefined)[];
  private hashes: Int32Array;
  private lengths: Int32Array;
  private offsets: Int32Array;
  private arena = new Uint8Array(1 << 16);
  private arenaView = new DataView(this.arena.buffer);
  private arenaUsed = 0;
  private mask: number;
  private size = 0;

  /**
   * @param initialCapacity - slots to start with (power of two)
   * @param maxCapacity - slots at most (power of two)
   */
  constructor(
    initialCapacity = 4096,
    private readonly maxCapacity = 1 << 17,
  ) {
    this.values = new Array<V | undefined>(initialCapacity);
    this.hashes = new Int32Array(initialCapacity);
    this.lengths = new Int32Array(initialCapacity);
    this.offsets = new Int32Array(initialCapacity);
    this.mask = initialCapacity - 1;
  }

  /** Slot of key `b[start, end)` (viewed by `dv`) with hash `hash`, or -1. */
  find(b: Uint8Array, dv: DataView<ArrayBufferLike>, start: number, end: number, hash: number): number {
    const len = end - start;
    let i = hash & this.mask;
    for (;;) {
      if (this.values[i] === undefined) return -1;
      if (
        this.hashes[i] === hash &&
        this.lengths[i] === len &&
        this.same(this.offsets[i]!, b, dv, start, len)
      )
        return i;
      i = (i + 1) & this.mask;
    }
  }

  /** Compares a stored key with frame bytes, four at a time. */
  private same(
    off: number,
    b: Uint8Array,
    dv: DataView<ArrayBufferLike>,
    start: number,
    len: number,
  ): boolean {
    const a = this.arenaView;
    let j = 0;
    for (; j + 4 <= len; j += 4) if (a.getUint32(off + j) !== dv.getUint32(start + j)) return false;
    for (; j < len; j++) if (this.arena[off + j] !== b[start + j]) return false;
    return true;
  }

  /** The value in slot `i` (from {@link find}). */
  at(i: number): V {
    return this.values[i]!;
  }

  /** Adds key `b[start, end)` (not present) with `value`. */
  add(b: Uint8Array, start: number, end: number, hash: number, value: V): void {
    if ((this.size + 1) * 2 > this.values.length) this.rebuild();
    const len = end - start;
    if (this.arenaUsed + len > this.arena.length) {
      const next = new Uint8Array(Math.max(this.arena.length * 2, this.arenaUsed + len));
      next.set(this.arena.subarray(0, this.arenaUsed));
      this.arena = next;
      this.arenaView = new DataView(next.buffer);
    }
    const off = this.arenaUsed;
    this.arena.set(b.subarray(start, end), off);
    this.arenaUsed += len;
    this.place(hash, len, off, value);
  }

  private place(hash: number, len: number, off: number, value: V): void {
    let i = hash & this.mask;
    while (this.values[i] !== undefined) i = (i + 1) & this.mask;
    this.values[i] = value;
    this.hashes[i] = hash;
    this.lengths[i] = len;
    this.offsets[i] = off;
    this.size++;
  }

  private rebuild(): void {
    const old = { values: this.values, hashes: this.hashes, lengths: this.lengths, offsets: this.offsets };
    const cap = Math.min(this.values.length * 2, this.maxCapacity);
    this.values = new Array<V | undefined>(cap);
    this.hashes = new Int32Array(cap);
    this.lengths = new Int32Array(cap);
    this.offsets = new Int32Array(cap);
    this.mask = cap - 1;
    this.size = 0;
    // At the cap, start empty (bounded memory); otherwise carry the entries over.
    if (cap === old.values.length) {
      this.arenaUsed = 0;
      return;
    }
    for (let i = 0; i < old.values.length; i++) {
      const v = old.values[i];
      if (v !== undefined) this.place(old.hashes[i]!, old.lengths[i]!, old.offsets[i]!, v);
    }
  }
}

/** A fresh flat string of ASCII bytes `b[start, end)` (not a slice that keeps the frame alive). */
export function latin1(b: Uint8Array, start: number, end: number): string {
  return Buffer.from(b.buffer, b.byteOffset + start, end - start).toString("latin1");
}
