import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer } from "ws";
import type { SessionControl } from "../faults";
import { DxlinkSession, type SessionDeps } from "./session";

/** Path of the DXLink endpoint. */
export const DXLINK_PATH = "/realtime";

/**
 * The DXLink side of the simulator: upgrades `/realtime`, keeps the sessions, and drives one
 * publish tick for all of them (one market-clock reading per tick).
 */
export class DxlinkServer implements SessionControl {
  private readonly wss: WebSocketServer;
  private readonly sessions = new Set<DxlinkSession>();
  private readonly timer: NodeJS.Timeout;
  connections = 0;
  authorizations = 0;

  constructor(private readonly deps: Omit<SessionDeps, "onAuthorized">) {
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: Math.max(16 * 1024 * 1024, deps.maxSubscriptionFrameBytes * 4),
    });
    this.timer = setInterval(() => this.tick(), deps.publishIntervalMs);
  }

  /** Handles an HTTP upgrade; anything but `/realtime` is refused with 404. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const path = new URL(req.url ?? "/", "http://sim.local").pathname;
    if (path !== DXLINK_PATH) {
      socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      this.connections += 1;
      this.deps.log.info("sim.dxlink.connect", { open: this.sessions.size + 1 });
      const session = new DxlinkSession(ws, {
        ...this.deps,
        onAuthorized: () => {
          this.authorizations += 1;
        },
      });
      this.sessions.add(session);
      ws.on("close", (code) => {
        this.sessions.delete(session);
        this.deps.log.info("sim.dxlink.disconnect", { code, open: this.sessions.size });
      });
    });
  }

  /** Open sockets now. */
  openSockets(): number {
    return this.sessions.size;
  }

  /** Active subscriptions over all sessions. */
  subscriptions(): number {
    let n = 0;
    for (const s of this.sessions) n += s.subscriptionCount();
    return n;
  }

  closeAll(code: number, reason: string): void {
    for (const s of this.sessions) s.close(code, reason);
  }

  revokeQuoteTokens(): void {
    this.deps.quoteTokens.revokeAll();
    for (const s of this.sessions) if (s.authorized) s.unauthorize("quote tokens expired");
  }

  injectMalformed(count: number): void {
    for (const s of this.sessions) s.injectMalformed(count);
  }

  switchDataFormat(format: "FULL" | "COMPACT"): void {
    for (const s of this.sessions) s.switchDataFormat(format);
  }

  /** Closes every socket (1001) and stops the publish tick. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.closeAll(1001, "simulator stopping");
    await new Promise<void>((resolve) => {
      for (const c of this.wss.clients) c.terminate();
      this.wss.close(() => resolve());
    });
  }

  private tick(): void {
    if (this.sessions.size === 0) return;
    const now = this.deps.clock.now();
    for (const s of this.sessions) s.tick(now);
  }
}
