import { createReadStream, createWriteStream } from "node:fs";
import { access } from "node:fs/promises";
import { once } from "node:events";
import { createGunzip, createGzip } from "node:zlib";
import { createInterface } from "node:readline";

/** One recorded frame: when it was received and its text. */
export interface RecordedFrame {
  /** Receive time, ms since epoch. */
  t: number;
  /** The frame as received (UTF-8 text of a DXLink message). */
  f: string;
}

/** Writes received frames to a gzip file, one JSON line `{"t": receivedAtMs, "f": "<frame>"}` each. */
export interface FrameRecorder {
  /** Appends one frame (bytes as received, receive time ms). */
  write(bytes: Uint8Array, at: number): void;
  /** Frames written so far. */
  readonly frames: number;
  /** Flushes and closes the file. */
  close(): Promise<void>;
}

const decoder = new TextDecoder();

/** Opens `path` for recording (created or truncated). */
export function openFrameRecorder(path: string): FrameRecorder {
  const gzip = createGzip();
  const file = createWriteStream(path);
  gzip.pipe(file);
  let frames = 0;
  return {
    write(bytes, at) {
      const line: RecordedFrame = { t: at, f: decoder.decode(bytes) };
      gzip.write(JSON.stringify(line) + "\n");
      frames++;
    },
    get frames() {
      return frames;
    },
    async close() {
      gzip.end();
      await once(file, "close");
    },
  };
}

/** Reads a recording back in order; a malformed line is an error naming its line number. */
export async function* readFrameRecording(path: string): AsyncGenerator<RecordedFrame> {
  await access(path).catch(() => {
    throw new Error(`cannot read the recording ${path}`);
  });
  const file = createReadStream(path);
  const gunzip = createGunzip();
  // A read or decompression error ends the lines and is thrown below; with listeners on every
  // stream it can never surface as an unhandled error after the reader stopped early.
  let failure: Error | undefined;
  const fail = (err: Error) => {
    failure ??= err;
    lines.close();
  };
  file.on("error", fail);
  gunzip.on("error", fail);
  const lines = createInterface({ input: file.pipe(gunzip), crlfDelay: Infinity });
  // readline re-emits its input's errors on itself, also after the loop below has stopped.
  lines.on("error", fail);
  let n = 0;
  try {
    for await (const line of lines) {
      n++;
      if (line.trim() === "") continue;
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        throw new Error(`${path}: line ${n} is not JSON`);
      }
      const r = parsed as Partial<RecordedFrame>;
      if (typeof r.t !== "number" || typeof r.f !== "string")
        throw new Error(`${path}: line ${n} is not a recorded frame {t, f}`);
      yield { t: r.t, f: r.f };
    }
    if (failure) throw new Error(`${path}: not a readable gzip recording (${failure.message})`);
  } finally {
    // Stopped early (a bad line, or the consumer had enough): release the file now.
    lines.close();
    gunzip.destroy();
    file.destroy();
  }
}
