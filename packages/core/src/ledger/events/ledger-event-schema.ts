import * as z from "zod/mini";
import "../../validation/zod-english";
import { LedgerError } from "./ledger-error";
import type { LedgerEvent } from "./ledger-event";

const id = z.string().check(z.minLength(1));
const instant = z.int().check(z.nonnegative());
const spreads = z.int().check(z.positive());
const effect = z.enum(["open", "close"]);
const base = { eventId: id, positionId: id, at: instant };

const fill = z.looseObject({
  ...base,
  type: z.literal("fill"),
  effect,
  orderId: id,
  orderQuantity: spreads,
  quantity: spreads,
  netPrice: z.number(),
  feesCents: z.int().check(z.nonnegative()),
  legPrices: z.optional(z.array(z.number().check(z.nonnegative()))),
  reason: z.optional(z.string()),
});

const cancel = z.looseObject({
  ...base,
  type: z.literal("cancel"),
  effect,
  orderId: id,
  orderQuantity: spreads,
  reason: z.string(),
});

const settlement = z.looseObject({
  ...base,
  type: z.literal("settlement"),
  quantity: spreads,
  debit: z.number(),
  price: z.number().check(z.nonnegative()),
  settlementAt: instant,
  source: id,
  approximate: z.boolean(),
  orderId: z.optional(id),
});

const claim = z.looseObject({
  ...base,
  type: z.literal("claim"),
  key: id,
  change: z.enum(["taken", "released"]),
});

/** A ledger event as appended or stored; see {@link LedgerEvent}. */
export const ledgerEventSchema = z.discriminatedUnion("type", [
  fill,
  cancel,
  settlement,
  claim,
]) as unknown as z.ZodMiniType<LedgerEvent>;

/** A short name of an input for messages: `fill <eventId> of <positionId>`. */
function describe(input: unknown): { text: string; positionId: string | null; eventId: string | null } {
  const o = (typeof input === "object" && input !== null ? input : {}) as Record<string, unknown>;
  const str = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);
  const positionId = str(o.positionId);
  const eventId = str(o.eventId);
  const text = `${str(o.type) ?? "event"} ${eventId ?? "(no eventId)"} of ${positionId ?? "(no positionId)"}`;
  return { text, positionId, eventId };
}

/**
 * Parses an event at the edge (a broker report, a use case, a stored item). Throws a
 * {@link LedgerError} `ledger-event-invalid` naming each bad field.
 */
export function parseLedgerEvent(input: unknown): LedgerEvent {
  const r = z.safeParse(ledgerEventSchema, input);
  if (r.success) return r.data;
  const d = describe(input);
  const fields = r.error.issues.map((i) => `${i.path.join(".") || "type"}: ${i.message}`).join("; ");
  throw new LedgerError("ledger-event-invalid", `${d.text}: ${fields}`, d.positionId, d.eventId);
}
