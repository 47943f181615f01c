import WebSocket from "ws";
import { rawFrameText } from "@stratdeck/core/dxlink";

/** A parsed frame, or `{raw}` for one that is not JSON. */
export type Frame = Record<string, unknown> & { raw?: string };

/** A bare DXLink client over `ws` that records every frame, for protocol tests. */
export class RawDxlink {
  readonly frames: Frame[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private readonly ws: WebSocket;

  private constructor(url: string) {
    this.ws = new WebSocket(url);
    this.ws.on("message", (data) => {
      const text = rawFrameText(data);
      try {
        this.frames.push(JSON.parse(text) as Frame);
      } catch {
        this.frames.push({ raw: text });
      }
    });
    this.closed = new Promise((resolve) =>
      this.ws.on("close", (code, reason) => resolve({ code, reason: reason.toString() })),
    );
  }

  /** Connects and waits for the socket to open. */
  static async open(url: string): Promise<RawDxlink> {
    const c = new RawDxlink(url);
    await new Promise<void>((resolve, reject) => {
      c.ws.once("open", () => resolve());
      c.ws.once("error", reject);
    });
    return c;
  }

  /** The client SETUP. */
  setup(): void {
    this.send({
      type: "SETUP",
      channel: 0,
      version: "0.1-test",
      keepaliveTimeout: 60,
      acceptKeepaliveTimeout: 60,
    });
  }

  send(frame: Record<string, unknown>): void {
    this.ws.send(JSON.stringify(frame));
  }

  sendText(text: string): void {
    this.ws.send(text);
  }

  /** SETUP, then waits for the server's AUTH_STATE greeting (frames: SETUP, AUTH_STATE). */
  async greet(): Promise<void> {
    this.setup();
    await this.waitFor((f) => f.type === "AUTH_STATE");
  }

  /** SETUP, wait for AUTH_STATE (tastyware/tastytrade#338: the required order), AUTH, then AUTHORIZED. */
  async authorize(token: string): Promise<void> {
    await this.greet();
    this.send({ type: "AUTH", channel: 0, token });
    await this.waitFor((f) => f.type === "AUTH_STATE" && f.state === "AUTHORIZED");
  }

  /** Opens a FEED channel and waits for CHANNEL_OPENED. */
  async openFeed(channel: number, setup?: Record<string, unknown>): Promise<void> {
    this.send({ type: "CHANNEL_REQUEST", channel, service: "FEED", parameters: { contract: "AUTO" } });
    await this.waitFor((f) => f.type === "CHANNEL_OPENED" && f.channel === channel);
    if (setup) {
      const seen = this.frames.length;
      this.send({ type: "FEED_SETUP", channel, ...setup });
      await this.waitFor((f) => f.type === "FEED_CONFIG" && f.channel === channel, 2000, seen);
    }
  }

  /** Waits for a frame (at index >= `from`) matching `match`; returns it. */
  async waitFor(match: (f: Frame) => boolean, timeoutMs = 2000, from = 0): Promise<Frame> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const hit = this.frames.slice(from).find(match);
      if (hit) return hit;
      if (performance.now() > deadline) {
        throw new Error(`no matching frame in ${timeoutMs}ms; got ${JSON.stringify(this.frames.slice(-5))}`);
      }
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** FEED_DATA frames of a type on a channel (COMPACT `data[0]` or FULL `data[i].eventType`). */
  data(channel: number, type: string): Frame[] {
    return this.frames.filter((f) => {
      if (f.type !== "FEED_DATA" || f.channel !== channel || !Array.isArray(f.data)) return false;
      const d = f.data as unknown[];
      return d[0] === type || (typeof d[0] === "object" && (d[0] as Frame).eventType === type);
    });
  }

  close(): void {
    this.ws.close();
  }
}

/** Rows of a COMPACT payload given its width. */
export function rows(frame: Frame, width: number): unknown[][] {
  const values = (frame.data as [string, unknown[]])[1];
  const out: unknown[][] = [];
  for (let i = 0; i < values.length; i += width) out.push(values.slice(i, i + width));
  return out;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
