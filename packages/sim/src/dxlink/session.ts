import type { WebSocket } from "ws";
import { rawFrameText } from "@stratdeck/core/dxlink";
import type { Clock } from "@stratdeck/core/time";
import type { Log } from "@stratdeck/core/log";
import type { FaultState } from "../faults";
import type { SyntheticMarket } from "../market";
import type { TokenBook } from "../tokens";
import type { EventSource } from "./event-source";
import { FeedChannel } from "./feed-channel";
import { malformedFrame, type MalformedTarget } from "./malformed";
import {
  AuthMsg,
  ChannelRequestMsg,
  Envelope,
  FeedSetupMsg,
  FeedSubscriptionMsg,
  issueText,
  SetupMsg,
  type DxErrorType,
} from "./messages";

/** Version string the simulator puts in its SETUP. */
export const SIM_DXLINK_VERSION = "1.0-STRATDECK-SIM/0.1";
/** Delay between AUTH_STATE UNAUTHORIZED for a refused token and closing the socket, ms. */
const UNAUTHORIZED_CLOSE_MS = 100;
/**
 * Close code after a protocol error on channel 0 (malformed frame, channel traffic before AUTH,
 * refused token). The dxLink spec says the server "closes the connection" when authorization
 * fails (dxFeed/dxLink asyncapi.yml, AUTH) but names no code; 1008 (policy violation, RFC 6455)
 * is our choice, and the official JS client treats any close while UNAUTHORIZED as final.
 */
export const PROTOCOL_CLOSE_CODE = 1008;
/**
 * What tastytrade answers an AUTH that reached it before the session existed (tastyware/tastytrade
 * #339: "AuthException: Session not found: api" right after SETUP). The report gives the message
 * only; the error type UNAUTHORIZED is our choice among the dxLink types.
 */
export const EARLY_AUTH_ERROR = "AuthException: Session not found: api";

/** Everything a session needs from the simulator. */
export interface SessionDeps {
  clock: Clock;
  market: SyntheticMarket;
  events: EventSource;
  quoteTokens: TokenBook;
  faults: FaultState;
  log: Log;
  keepaliveTimeoutSeconds: number;
  publishIntervalMs: number;
  maxSubscriptionFrameBytes: number;
  /** Real ms between the client's SETUP and our AUTH_STATE (an AUTH inside it is "early"). */
  authStateDelayMs: number;
  onAuthorized(): void;
}

/**
 * One DXLink connection: our SETUP on connect, AUTH_STATE UNAUTHORIZED shortly after the client's
 * SETUP, AUTH (an earlier one is kept and answered after AUTH_STATE, or refused with the ERROR of
 * tastyware/tastytrade#339 while the early-AUTH fault is on), KEEPALIVE both ways, FEED channels,
 * and the fault knobs that act per socket (silence, refused auth, malformed frames, a switch to
 * FULL). Bad input always gets an ERROR of the dxLink type on the channel it concerns; a
 * connection-level one (malformed frame, channel traffic before AUTH, refused token) then closes
 * the socket with {@link PROTOCOL_CLOSE_CODE}.
 */
export class DxlinkSession {
  private authorizedWith: string | undefined;
  private setupReceived = false;
  private authStateSent = false;
  /** An early AUTH kept while the early-AUTH fault is off. */
  private earlyToken: string | undefined;
  private readonly channels = new Map<number, FeedChannel>();
  private readonly keepaliveTimer: NodeJS.Timeout;
  private idleTimer: NodeJS.Timeout;
  private malformedSent = 0;
  private closed = false;

  constructor(
    private readonly ws: WebSocket,
    private readonly deps: SessionDeps,
  ) {
    const timeoutMs = deps.keepaliveTimeoutSeconds * 1000;
    this.keepaliveTimer = setInterval(() => this.send({ type: "KEEPALIVE", channel: 0 }), timeoutMs / 2);
    this.idleTimer = setTimeout(() => this.timeout(), timeoutMs);
    ws.on("message", (data, isBinary) => this.receive(rawFrameText(data), isBinary));
    ws.on("close", () => this.dispose());
    ws.on("error", (e) => deps.log.warn("sim.dxlink.socket-error", { error: e.message }));
    this.send({
      type: "SETUP",
      channel: 0,
      version: SIM_DXLINK_VERSION,
      keepaliveTimeout: deps.keepaliveTimeoutSeconds,
      acceptKeepaliveTimeout: deps.keepaliveTimeoutSeconds,
    });
  }

  /** True once AUTH succeeded (and until the token is refused). */
  get authorized(): boolean {
    return this.authorizedWith !== undefined;
  }

  /** Active subscriptions over all channels. */
  subscriptionCount(): number {
    let n = 0;
    for (const c of this.channels.values()) n += c.size;
    return n;
  }

  /** Publish tick: drops a session whose quote token went bad, then lets channels publish. */
  tick(now: number): void {
    if (this.closed || !this.authorizedWith) return;
    if (this.deps.quoteTokens.problem(this.authorizedWith)) {
      this.unauthorize("quote token expired");
      return;
    }
    if (this.deps.faults.silenced || this.deps.faults.eventsStopped) return;
    for (const c of this.channels.values()) c.tick(now);
  }

  /** The quote token was revoked: AUTH_STATE UNAUTHORIZED, then close. */
  unauthorize(reason: string): void {
    if (this.closed) return;
    this.deps.log.warn("sim.dxlink.unauthorized", { reason });
    this.authorizedWith = undefined;
    this.channels.clear();
    this.send({ type: "AUTH_STATE", channel: 0, state: "UNAUTHORIZED" });
    this.fatal("UNAUTHORIZED", reason);
  }

  /** A connection-level error: ERROR on channel 0, then the close shortly after (never silence). */
  private fatal(error: DxErrorType, message: string): void {
    this.error(0, error, message);
    setTimeout(() => this.close(PROTOCOL_CLOSE_CODE, error), UNAUTHORIZED_CLOSE_MS).unref();
  }

  /** Every FEED channel switches its data format (FEED_CONFIG first, then data in it). */
  switchDataFormat(format: "FULL" | "COMPACT"): void {
    for (const c of this.channels.values()) c.switchFormat(format);
  }

  /** Sends `count` malformed frames now (the rotation continues across calls). */
  injectMalformed(count: number): void {
    for (let i = 0; i < count; i++)
      this.sendRaw(malformedFrame(this.malformedSent++, this.malformedTarget()));
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.ws.close(code, reason);
    this.dispose();
  }

  private dispose(): void {
    this.closed = true;
    clearInterval(this.keepaliveTimer);
    clearTimeout(this.idleTimer);
    this.channels.clear();
  }

  private malformedTarget(): MalformedTarget | undefined {
    for (const c of this.channels.values()) {
      for (const [type, fields] of c.announcedFields()) return { channel: c.id, type, fields };
    }
    return undefined;
  }

  private send(frame: Record<string, unknown>): void {
    this.sendRaw(JSON.stringify(frame));
  }

  private sendRaw(text: string): void {
    if (this.closed || this.deps.faults.silenced || this.ws.readyState !== this.ws.OPEN) return;
    this.ws.send(text);
  }

  private error(channel: number, error: DxErrorType, message: string): void {
    this.send({ type: "ERROR", channel, error, message });
  }

  private timeout(): void {
    if (this.closed) return;
    if (this.deps.faults.silenced) {
      this.idleTimer = setTimeout(() => this.timeout(), this.deps.keepaliveTimeoutSeconds * 1000);
      return;
    }
    const message = `No keepalive received for ${this.deps.keepaliveTimeoutSeconds}s`;
    this.deps.log.warn("sim.dxlink.timeout", { message });
    this.error(0, "TIMEOUT", message);
    this.close(1000, "TIMEOUT");
  }

  private receive(text: string, isBinary: boolean): void {
    if (this.closed) return;
    this.idleTimer.refresh();
    if (isBinary) return this.fatal("INVALID_MESSAGE", "binary frames are not supported");
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return this.fatal("INVALID_MESSAGE", "frame is not valid JSON");
    }
    const env = Envelope.safeParse(json);
    if (!env.success) return this.fatal("INVALID_MESSAGE", issueText(env.error));
    const msg = env.data;
    if (msg.channel === 0) return this.control(msg.type, msg);
    if (msg.type === "FEED_SUBSCRIPTION" && Buffer.byteLength(text) > this.deps.maxSubscriptionFrameBytes) {
      this.deps.log.warn("sim.dxlink.too-big", { bytes: Buffer.byteLength(text) });
      return this.close(1009, "Message too big");
    }
    if (!this.authorizedWith) return this.fatal("UNAUTHORIZED", `${msg.type} before AUTH_STATE AUTHORIZED`);
    this.channelMessage(msg.channel, msg.type, msg);
  }

  private control(type: string, msg: Record<string, unknown>): void {
    switch (type) {
      case "SETUP": {
        const p = SetupMsg.safeParse(msg);
        if (!p.success) return this.error(0, "INVALID_MESSAGE", issueText(p.error));
        if (!this.setupReceived) {
          this.setupReceived = true;
          setTimeout(() => this.sendAuthState(), this.deps.authStateDelayMs).unref();
        }
        return;
      }
      case "AUTH": {
        const p = AuthMsg.safeParse(msg);
        if (!p.success) return this.error(0, "INVALID_MESSAGE", issueText(p.error));
        if (this.authStateSent) return this.auth(p.data.token);
        if (this.deps.faults.dropsEarlyAuth()) {
          // The socket stays open: a client that answers the AUTH_STATE to come still gets in.
          this.deps.log.warn("sim.dxlink.early-auth", { dropped: true });
          return this.error(0, "UNAUTHORIZED", EARLY_AUTH_ERROR);
        }
        this.earlyToken = p.data.token;
        return;
      }
      case "KEEPALIVE":
        return;
      case "ERROR":
        this.deps.log.info("sim.dxlink.client-error", { error: msg.error, message: msg.message });
        return;
      default:
        return this.error(0, "BAD_ACTION", `unexpected ${type} on channel 0`);
    }
  }

  private sendAuthState(): void {
    if (this.closed || this.authStateSent) return;
    this.authStateSent = true;
    this.send({ type: "AUTH_STATE", channel: 0, state: "UNAUTHORIZED" });
    const early = this.earlyToken;
    this.earlyToken = undefined;
    if (early !== undefined) this.auth(early);
  }

  private auth(token: string): void {
    const problem = this.deps.faults.authRejected ? "rejected" : this.deps.quoteTokens.problem(token);
    if (problem) {
      this.deps.log.warn("sim.dxlink.auth", { ok: false, problem });
      this.authorizedWith = undefined;
      this.send({ type: "AUTH_STATE", channel: 0, state: "UNAUTHORIZED" });
      return this.fatal("UNAUTHORIZED", `quote token ${problem}`);
    }
    this.authorizedWith = token;
    this.deps.onAuthorized();
    this.deps.log.info("sim.dxlink.auth", { ok: true });
    this.send({ type: "AUTH_STATE", channel: 0, state: "AUTHORIZED", userId: "sim-user" });
    const extra = this.deps.faults.malformedOnConnect;
    if (extra > 0) this.injectMalformed(extra);
  }

  private channelMessage(id: number, type: string, msg: Record<string, unknown>): void {
    const channel = this.channels.get(id);
    switch (type) {
      case "CHANNEL_REQUEST": {
        const p = ChannelRequestMsg.safeParse(msg);
        if (!p.success) return this.error(id, "INVALID_MESSAGE", issueText(p.error));
        if (p.data.service !== "FEED") {
          // The channel's own ERROR, then the channel closes (the spec lets a server close a
          // channel with CHANNEL_CLOSED); the socket and its other channels stay up.
          this.error(id, "BAD_ACTION", `unsupported service ${p.data.service}`);
          return this.send({ type: "CHANNEL_CLOSED", channel: id });
        }
        this.channels.set(id, new FeedChannel(id, { ...this.deps, send: (f) => this.send(f) }));
        return this.send({
          type: "CHANNEL_OPENED",
          channel: id,
          service: "FEED",
          parameters: { ...(p.data.parameters ?? {}), subFormat: "LIST" },
        });
      }
      case "CHANNEL_CANCEL":
        this.channels.delete(id);
        return this.send({ type: "CHANNEL_CLOSED", channel: id });
      case "ERROR":
        this.deps.log.info("sim.dxlink.client-error", {
          channel: id,
          error: msg.error,
          message: msg.message,
        });
        return;
      case "FEED_SETUP": {
        if (!channel) return this.error(id, "BAD_ACTION", `channel ${id} is not open`);
        const p = FeedSetupMsg.safeParse(msg);
        if (!p.success) return this.error(id, "INVALID_MESSAGE", issueText(p.error));
        return channel.setup(p.data);
      }
      case "FEED_SUBSCRIPTION": {
        if (!channel) return this.error(id, "BAD_ACTION", `channel ${id} is not open`);
        const p = FeedSubscriptionMsg.safeParse(msg);
        if (!p.success) return this.error(id, "INVALID_MESSAGE", issueText(p.error));
        return channel.subscribe(this.deps.clock.now(), p.data);
      }
      default:
        return this.error(id, "BAD_ACTION", `unknown message type ${type}`);
    }
  }
}
