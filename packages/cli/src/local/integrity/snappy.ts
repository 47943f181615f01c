/** Thrown when a snappy block cannot be decoded (damaged bytes). */
export class SnappyError extends Error {
  override readonly name = "SnappyError";
}

function varint(src: Uint8Array, at: number): { value: number; next: number } {
  let value = 0;
  for (let shift = 0, i = at; i < src.length && shift < 35; shift += 7, i++) {
    value += ((src[i] ?? 0) & 0x7f) * 2 ** shift;
    if (((src[i] ?? 0) & 0x80) === 0) return { value, next: i + 1 };
  }
  throw new SnappyError("bad length prefix");
}

/** Length and offset of one snappy element starting at tag byte `at`. */
function element(
  src: Uint8Array,
  at: number,
): { literal: boolean; len: number; offset: number; next: number } {
  const tag = src[at] ?? 0;
  const kind = tag & 3;
  if (kind === 0) {
    let len = (tag >>> 2) + 1;
    let next = at + 1;
    if (len > 60) {
      const bytes = len - 60;
      len = 1;
      for (let i = 0; i < bytes; i++) len += (src[next + i] ?? 0) * 2 ** (8 * i);
      next += bytes;
    }
    return { literal: true, len, offset: 0, next };
  }
  if (kind === 1)
    return {
      literal: false,
      len: ((tag >>> 2) & 7) + 4,
      offset: ((tag >>> 5) << 8) | (src[at + 1] ?? 0),
      next: at + 2,
    };
  const width = kind === 2 ? 2 : 4;
  let offset = 0;
  for (let i = 0; i < width; i++) offset += (src[at + 1 + i] ?? 0) * 2 ** (8 * i);
  return { literal: false, len: (tag >>> 2) + 1, offset, next: at + 1 + width };
}

/** Decompresses one raw snappy block (LevelDB's block compression). */
export function snappyDecompress(src: Uint8Array): Uint8Array {
  const { value: size, next } = varint(src, 0);
  const out = new Uint8Array(size);
  let o = 0;
  for (let i = next; i < src.length;) {
    const e = element(src, i);
    if (e.literal) {
      if (e.next + e.len > src.length || o + e.len > size) throw new SnappyError("literal past the end");
      out.set(src.subarray(e.next, e.next + e.len), o);
      o += e.len;
      i = e.next + e.len;
      continue;
    }
    if (e.offset === 0 || e.offset > o || o + e.len > size) throw new SnappyError("bad copy");
    for (let k = 0; k < e.len; k++, o++) out[o] = out[o - e.offset] ?? 0;
    i = e.next;
  }
  if (o !== size) throw new SnappyError(`decoded ${o} of ${size} bytes`);
  return out;
}
