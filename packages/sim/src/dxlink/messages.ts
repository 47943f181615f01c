import * as z from "zod";

/** Every DXLink frame: a `type` string and a `channel` number; the rest is payload. */
export const Envelope = z.looseObject({
  type: z.string({ message: "type must be a string" }),
  channel: z.number({ message: "channel must be a number" }).int().nonnegative(),
});

export const SetupMsg = z.looseObject({
  version: z.string().optional(),
  keepaliveTimeout: z.number().positive().optional(),
  acceptKeepaliveTimeout: z.number().positive().optional(),
});

export const AuthMsg = z.looseObject({ token: z.string({ message: "token must be a string" }) });

export const ChannelRequestMsg = z.looseObject({
  service: z.string({ message: "service must be a string" }),
  parameters: z.record(z.string(), z.unknown()).optional(),
});

export const FeedSetupMsg = z.looseObject({
  acceptAggregationPeriod: z.number().nonnegative().optional(),
  acceptDataFormat: z.enum(["FULL", "COMPACT"]).optional(),
  acceptEventFields: z.record(z.string(), z.array(z.string())).optional(),
});

const SubscriptionItem = z.looseObject({
  type: z.string({ message: "subscription type must be a string" }),
  symbol: z.string({ message: "subscription symbol must be a string" }),
  fromTime: z.number().optional(),
  source: z.string().optional(),
});

/** A subscription as the client sent it. */
export type SubscriptionItem = z.infer<typeof SubscriptionItem>;

export const FeedSubscriptionMsg = z.looseObject({
  add: z.array(SubscriptionItem).optional(),
  remove: z.array(SubscriptionItem).optional(),
  reset: z.boolean().optional(),
});

/** Error types of the dxLink protocol. */
export type DxErrorType =
  "UNKNOWN" | "UNSUPPORTED_PROTOCOL" | "TIMEOUT" | "UNAUTHORIZED" | "INVALID_MESSAGE" | "BAD_ACTION";

/** Human text naming the first problem of a failed parse. */
export function issueText(error: z.ZodError): string {
  const i = error.issues[0];
  if (!i) return "invalid message";
  return i.path.length > 0 ? `${i.path.join(".")}: ${i.message}` : i.message;
}
