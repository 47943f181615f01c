import * as z from "zod/mini";
import "../validation/zod-english";
import type { EventType } from "./event-fields";

/**
 * Server → client control messages, validated at the edge. Objects are loose: tastytrade adds
 * fields (`userId` on AUTH_STATE, `subFormat` on CHANNEL_OPENED) that we tolerate and ignore.
 */
const positive = z.number().check(z.positive());
/** A channel number other than 0 (the control channel). */
const channel = z.int().check(z.positive());

const SetupMessage = z.looseObject({
  type: z.literal("SETUP"),
  channel: z.literal(0),
  version: z.optional(z.string()),
  /** Seconds the server waits for a message from us before dropping the connection. */
  keepaliveTimeout: z.optional(positive),
  acceptKeepaliveTimeout: z.optional(positive),
});
const AuthStateMessage = z.looseObject({
  type: z.literal("AUTH_STATE"),
  channel: z.literal(0),
  state: z.enum(["AUTHORIZED", "UNAUTHORIZED"]),
});
const KeepaliveMessage = z.looseObject({ type: z.literal("KEEPALIVE"), channel: z.int() });
const ErrorMessage = z.looseObject({
  type: z.literal("ERROR"),
  channel: z.int(),
  error: z.string(),
  message: z.optional(z.string()),
});
const ChannelOpenedMessage = z.looseObject({
  type: z.literal("CHANNEL_OPENED"),
  channel,
  service: z.optional(z.string()),
});
const ChannelClosedMessage = z.looseObject({
  type: z.literal("CHANNEL_CLOSED"),
  channel,
});
const FeedConfigMessage = z.looseObject({
  type: z.literal("FEED_CONFIG"),
  channel,
  dataFormat: z.optional(z.enum(["COMPACT", "FULL"])),
  aggregationPeriod: z.optional(z.number().check(z.nonnegative())),
  eventFields: z.optional(z.record(z.string(), z.array(z.string()).check(z.minLength(1)))),
});
/** FEED_DATA envelope; the payload is checked row by row by the decoder. */
const FeedDataMessage = z.looseObject({
  type: z.literal("FEED_DATA"),
  channel,
  data: z.array(z.unknown()),
});

/** Every server message we act on. */
export const InboundMessage = z.discriminatedUnion("type", [
  SetupMessage,
  AuthStateMessage,
  KeepaliveMessage,
  ErrorMessage,
  ChannelOpenedMessage,
  ChannelClosedMessage,
  FeedConfigMessage,
  FeedDataMessage,
]);
export type InboundMessage = z.infer<typeof InboundMessage>;

/** The envelope every DXLink frame has; anything else is dropped as malformed. */
export const Envelope = z.looseObject({ type: z.string(), channel: z.int().check(z.nonnegative()) });

/** One subscription entry of FEED_SUBSCRIPTION. */
export interface SubscriptionEntry {
  type: EventType;
  /** DXLink streamer symbol. */
  symbol: string;
}

/** Client → server messages. */
export type OutboundMessage =
  | {
      type: "SETUP";
      channel: 0;
      version: string;
      keepaliveTimeout: number;
      acceptKeepaliveTimeout: number;
    }
  | { type: "AUTH"; channel: 0; token: string }
  | { type: "KEEPALIVE"; channel: 0 }
  | { type: "CHANNEL_REQUEST"; channel: number; service: "FEED"; parameters: { contract: "AUTO" } }
  | {
      type: "FEED_SETUP";
      channel: number;
      acceptAggregationPeriod: number;
      acceptDataFormat: "COMPACT";
      acceptEventFields: Record<string, readonly string[]>;
    }
  | {
      type: "FEED_SUBSCRIPTION";
      channel: number;
      reset?: true;
      remove?: SubscriptionEntry[];
      add?: SubscriptionEntry[];
    };

/**
 * Protocol version string sent in SETUP. tastytrade's docs and the Python SDK send the official
 * JS client's string; nothing suggests the server checks it, so we send the same to be safe.
 */
export const CLIENT_VERSION = "0.1-DXF-JS/0.3.0";
