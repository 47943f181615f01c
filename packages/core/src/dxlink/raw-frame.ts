import type { RawData } from "ws";

/**
 * The bytes of one `ws` message, whichever shape `ws` delivered it in (a Buffer, an ArrayBuffer, or
 * the fragments of one message as a Buffer array), without copying a Buffer.
 */
export function rawFrameBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return data;
}

/** The UTF-8 text of one `ws` message (see {@link rawFrameBytes}). */
export function rawFrameText(data: RawData): string {
  const bytes = rawFrameBytes(data);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
}
