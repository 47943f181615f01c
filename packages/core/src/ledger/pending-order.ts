import * as z from "zod/mini";
import "../validation/zod-english";
import type { EntryRecords } from "./entry-order";
import type { LiveOrderRequest } from "../venues/tastytrade/live-order-gateway";

/**
 * The durable record of an order on its way to (or working at) the broker, written before the
 * placement is sent and deleted once its outcome is in the order log. A record still present after
 * its lease means the run that placed it stopped: the next run or the reconcile job finishes it.
 */
export interface PendingOrder {
  /** `open|<positionId>` or `close|<positionId>`. */
  id: string;
  purpose: "open" | "close";
  positionId: string;
  /** When the first placement was prepared, ms since epoch. */
  createdAt: number;
  /** The order as last sent (its price is the current try's). */
  request: LiveOrderRequest;
  /** Broker order id of the current try; absent while the placement's answer is not known. */
  brokerOrderId?: string;
  /** Broker order ids of earlier tries (all final). */
  earlierOrderIds: string[];
  /** Open: the records to write from the fills. */
  entry?: EntryRecords;
  /** Open: claims to release when nothing filled (the live-open slot). */
  releaseIfUnfilled: string[];
  /** Close: why, and the index level when it was sent (index points). */
  close?: { reason: string; underlyingPrice: number; underlyingSource: string };
}

/** The id of a position's pending open or close order. */
export const pendingOrderId = (purpose: PendingOrder["purpose"], positionId: string): string =>
  `${purpose}|${positionId}`;

/** The claim holding a pending order's lease: holder `<run>@<lease end ms>`. */
export const pendingLeaseKey = (id: string): string => `order-lease|${id}`;

const request = z.looseObject({
  underlying: z.string(),
  price: z.number(),
  priceEffect: z.enum(["Credit", "Debit"]),
  timeInForce: z.literal("Day"),
  orderType: z.literal("Limit"),
  legs: z.array(
    z.object({
      occSymbol: z.string(),
      action: z.enum(["STO", "BTO", "BTC", "STC"]),
      quantity: z.number(),
    }),
  ),
});

/** A pending order as stored (checked when read back; a malformed one names its field). */
export const pendingOrderSchema: z.ZodMiniType<PendingOrder> = z.looseObject({
  id: z.string(),
  purpose: z.enum(["open", "close"]),
  positionId: z.string(),
  createdAt: z.number(),
  request,
  brokerOrderId: z.optional(z.string()),
  earlierOrderIds: z.array(z.string()),
  entry: z.optional(
    z.looseObject({
      order: z.looseObject({ idempotencyKey: z.string() }),
      position: z.looseObject({ strategy: z.string() }),
    }),
  ),
  releaseIfUnfilled: z.array(z.string()),
  close: z.optional(
    z.object({ reason: z.string(), underlyingPrice: z.number(), underlyingSource: z.string() }),
  ),
}) as unknown as z.ZodMiniType<PendingOrder>;
