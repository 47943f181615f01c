import { maskedCrc32c } from "./crc32c";
import { snappyDecompress } from "./snappy";

/** A varint (up to 64 bits, exact below 2^53) at `at`: its value and the offset after it. */
export function readVarint(buf: Uint8Array, at: number): { value: number; next: number } {
  let value = 0;
  for (let shift = 0, i = at; i < buf.length && shift < 64; shift += 7, i++) {
    value += ((buf[i] ?? 0) & 0x7f) * 2 ** shift;
    if (((buf[i] ?? 0) & 0x80) === 0) return { value, next: i + 1 };
  }
  throw new RangeError(`varint at byte ${at} runs past the end`);
}

/** A length-prefixed byte string at `at`. */
export function readSlice(buf: Uint8Array, at: number): { value: Uint8Array; next: number } {
  const len = readVarint(buf, at);
  if (len.next + len.value > buf.length) throw new RangeError(`string at byte ${at} runs past the end`);
  return { value: buf.subarray(len.next, len.next + len.value), next: len.next + len.value };
}

/** The records of a LevelDB log-format file (MANIFEST, write-ahead log). */
export interface LogContents {
  records: Uint8Array[];
  /** A checksum or framing error before the end: the file is damaged. */
  damage: string | null;
  /** The last record ends past the end of the file (a write cut short). */
  tornTail: boolean;
}

const BLOCK = 32_768;
const HEADER = 7;

/**
 * Reads a LevelDB log file (32 KiB blocks of checksummed fragments), stopping at the first
 * damaged fragment; a fragment cut off by the end of the file is reported as a torn tail.
 */
export function readLogFile(buf: Buffer): LogContents {
  const records: Uint8Array[] = [];
  let parts: Uint8Array[] = [];
  for (let pos = 0; pos < buf.length;) {
    const left = BLOCK - (pos % BLOCK);
    if (left < HEADER) {
      pos += left;
      continue;
    }
    if (pos + HEADER > buf.length) return { records, damage: null, tornTail: true };
    const length = buf.readUInt16LE(pos + 4);
    const type = buf.readUInt8(pos + 6);
    if (type === 0 && length === 0) {
      pos += left;
      continue;
    }
    if (HEADER + length > left)
      return { records, damage: `bad record length at byte ${pos}`, tornTail: false };
    if (pos + HEADER + length > buf.length) return { records, damage: null, tornTail: true };
    if (maskedCrc32c(buf.subarray(pos + 6, pos + HEADER + length)) !== buf.readUInt32LE(pos))
      return { records, damage: `record at byte ${pos} fails its checksum`, tornTail: false };
    const data = buf.subarray(pos + HEADER, pos + HEADER + length);
    pos += HEADER + length;
    if (type === 1) records.push(data);
    else if (type === 2) parts = [data];
    else if (type === 3 || type === 4) {
      if (parts.length === 0)
        return { records, damage: `fragment without a start before byte ${pos}`, tornTail: false };
      parts.push(data);
      if (type === 4) {
        records.push(Buffer.concat(parts));
        parts = [];
      }
    } else return { records, damage: `unknown record type ${type} before byte ${pos}`, tornTail: false };
  }
  return { records, damage: null, tornTail: parts.length > 0 };
}

/** Offset and size of a block in a table file. */
interface BlockHandle {
  offset: number;
  size: number;
}

function readHandle(buf: Uint8Array, at: number): BlockHandle & { next: number } {
  const offset = readVarint(buf, at);
  const size = readVarint(buf, offset.next);
  return { offset: offset.value, size: size.value, next: size.next };
}

/** Checks the checksum of the block at `h` (contents and compression byte); throws naming its offset. */
function verifyBlock(file: Buffer, h: BlockHandle): void {
  const end = h.offset + h.size;
  if (end + 5 > file.length) throw new RangeError(`block at byte ${h.offset} runs past the end of the file`);
  if (maskedCrc32c(file.subarray(h.offset, end + 1)) !== file.readUInt32LE(end + 1))
    throw new RangeError(`block at byte ${h.offset} fails its checksum`);
}

/** The block at `h`, checksum verified and decompressed; throws naming the byte offset. */
function readBlock(file: Buffer, h: BlockHandle): Uint8Array {
  verifyBlock(file, h);
  const end = h.offset + h.size;
  const type = file.readUInt8(end);
  if (type === 0) return file.subarray(h.offset, end);
  if (type === 1) return snappyDecompress(file.subarray(h.offset, end));
  throw new RangeError(`block at byte ${h.offset} has unknown compression ${type}`);
}

/** The values of a table block's entries (prefix-compressed keys are skipped). */
function blockValues(block: Uint8Array): Uint8Array[] {
  const view = Buffer.from(block.buffer, block.byteOffset, block.byteLength);
  const restarts = view.readUInt32LE(block.length - 4);
  const limit = block.length - 4 * (restarts + 1);
  if (limit < 0) throw new RangeError("block restart array is larger than the block");
  const values: Uint8Array[] = [];
  for (let p = 0; p < limit;) {
    const shared = readVarint(block, p);
    const unshared = readVarint(block, shared.next);
    const valueLen = readVarint(block, unshared.next);
    const start = valueLen.next + unshared.value;
    if (start + valueLen.value > limit) throw new RangeError("block entry runs past the block");
    values.push(block.subarray(start, start + valueLen.value));
    p = start + valueLen.value;
  }
  return values;
}

const MAGIC = Buffer.from([0x57, 0xfb, 0x80, 0x8b, 0x24, 0x75, 0x47, 0xdb]);

/**
 * Verifies a LevelDB table file (`.ldb`/`.sst`): footer magic, then the checksum of its index,
 * meta-index and every block they list. Returns what is wrong, or null when it is sound.
 */
export function tableDamage(file: Buffer): string | null {
  if (file.length < 48 || !file.subarray(file.length - 8).equals(MAGIC))
    return "its footer is missing or damaged";
  try {
    const footer = file.subarray(file.length - 48);
    const meta = readHandle(footer, 0);
    const index = readHandle(footer, meta.next);
    for (const top of [meta, index])
      for (const v of blockValues(readBlock(file, top))) verifyBlock(file, readHandle(v, 0));
    return null;
  } catch (err) {
    return (err as Error).message;
  }
}
