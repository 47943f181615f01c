import * as z from "zod/mini";
import "../validation/zod-english";
// Loose objects: fields this schema does not know yet are kept, never silently dropped.
import type { OrderRecord, PositionRecord } from "./order-types";

const optionType = z.enum(["C", "P"]);
const mode = z.enum(["paper", "live"]);
const tickSize = z.object({ value: z.number(), threshold: z.optional(z.number()) });

const orderLeg = z.looseObject({
  occSymbol: z.string(),
  streamerSymbol: z.string(),
  optionType,
  strike: z.number(),
  expiration: z.string(),
  action: z.enum(["STO", "BTO", "BTC", "STC"]),
  ratio: z.number(),
  bid: z.optional(z.number()),
  ask: z.optional(z.number()),
  fillPrice: z.number(),
  quoteTime: z.number(),
  quoteSource: z.optional(z.string()),
});

/** An order log entry as stored (table keys stripped by the adapter); see {@link OrderRecord}. */
export const orderRecordSchema: z.ZodMiniType<OrderRecord> = z.looseObject({
  orderId: z.string(),
  positionId: z.string(),
  kind: z.enum(["open", "close"]),
  time: z.number(),
  underlying: z.string(),
  strategy: z.string(),
  side: z.enum(["credit", "debit"]),
  quantity: z.number(),
  price: z.number(),
  underlyingPrice: z.number(),
  underlyingSource: z.optional(z.string()),
  mode,
  legs: z.array(orderLeg),
  idempotencyKey: z.string(),
  reason: z.string(),
  cancelledRest: z.optional(
    z.looseObject({ orderQuantity: z.int().check(z.positive()), reason: z.string() }),
  ),
});

const positionLeg = z.looseObject({
  occSymbol: z.string(),
  streamerSymbol: z.string(),
  optionType,
  strike: z.number(),
  expiration: z.string(),
  side: z.enum(["short", "long"]),
  ratio: z.number(),
  entryPrice: z.number(),
});

/** A position as stored (table keys stripped by the adapter); see {@link PositionRecord}. */
export const positionRecordSchema: z.ZodMiniType<PositionRecord> = z.looseObject({
  positionId: z.string(),
  strategy: z.string(),
  underlying: z.string(),
  root: z.string(),
  settlement: z.enum(["AM", "PM"]),
  expiration: z.string(),
  quantity: z.number(),
  multiplier: z.number(),
  mode,
  openedAt: z.number(),
  entryCredit: z.number(),
  width: z.number(),
  maxProfitCents: z.int(),
  maxLossCents: z.int(),
  breakevens: z.array(z.number()),
  legs: z.array(positionLeg),
  underlyingAtEntry: z.number(),
  tickSizes: z.optional(z.array(tickSize)),
  idempotencyKey: z.string(),
  status: z.enum(["open", "closed"]),
  closedAt: z.optional(z.number()),
  exitDebit: z.optional(z.number()),
  realizedPnlCents: z.optional(z.int()),
  closeReason: z.optional(z.string()),
});
