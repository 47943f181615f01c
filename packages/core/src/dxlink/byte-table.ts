/** FNV-1a offset basis; the scanner folds each symbol byte with {@link fnvStep}. */
export const FNV_OFFSET = 0x811c9dc5 | 0;

/** One FNV-1a step over a byte. */
export function fnvStep(h: number, byte: number): number {
  return Math.imul(h ^ byte, 0x01000193);
}

/**
 * A hash table keyed by byte strings (ASCII symbols as they appear in a frame), so the hot path
 * finds a symbol's value without creating a string. Open addressing with the caller's FNV-1a
 * hash; keys are compared byte for byte. Bounded: at `maxCapacity` it starts over empty.
 */
export class ByteTable<V> {
  private values: (V | undefined)[];
  private hashes: Int32Array;
  private lengths: Int32Array;
  private offsets: Int32Array;
  private arena = new Uint8Array(1 << 16);
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

  /** Slot of key `b[start, end)` with hash `hash`, or -1. */
  find(b: Uint8Array, start: number, end: number, hash: number): number {
    const len = end - start;
    const a = this.arena;
    let i = hash & this.mask;
    for (;;) {
      if (this.values[i] === undefined) return -1;
      if (this.hashes[i] === hash && this.lengths[i] === len) {
        const off = this.offsets[i]!;
        let j = 0;
        while (j < len && a[off + j] === b[start + j]) j++;
        if (j === len) return i;
      }
      i = (i + 1) & this.mask;
    }
  }

  /** The value in slot `i` (from {@link find}). */
  at(i: number): V {
    return this.values[i]!;
  }

  /** Replaces the value in slot `i`. */
  setAt(i: number, value: V): void {
    this.values[i] = value;
  }

  /** Adds key `b[start, end)` (not present) with `value`. */
  add(b: Uint8Array, start: number, end: number, hash: number, value: V): void {
    if ((this.size + 1) * 2 > this.values.length) this.rebuild();
    const len = end - start;
    if (this.arenaUsed + len > this.arena.length) {
      const next = new Uint8Array(Math.max(this.arena.length * 2, this.arenaUsed + len));
      next.set(this.arena.subarray(0, this.arenaUsed));
      this.arena = next;
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
