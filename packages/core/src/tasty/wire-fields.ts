import * as z from "zod/mini";
import "../validation/zod-english";

/** Records a custom issue on a transform's payload (the value fails with `message`). */
export function failWith(ctx: z.core.ParsePayload, message: string): never {
  ctx.issues.push({ code: "custom", message, input: ctx.value });
  return z.NEVER;
}

/**
 * A tastytrade decimal: serialized as a string (`"5800.0"`), sometimes as a number. Parsed to a
 * finite number; anything else is an issue naming the value.
 */
export const decimal = z.pipe(
  z.union([z.string(), z.number()]),
  z.transform((v: string | number, ctx) => {
    const n = typeof v === "number" ? v : v.trim() === "" ? Number.NaN : Number(v);
    return Number.isFinite(n) ? n : failWith(ctx, `expected a decimal, got ${JSON.stringify(v)}`);
  }),
);

/** An optional decimal: absent, null and `"NaN"` read as undefined. */
export const optDecimal = z.pipe(
  z.optional(z.union([z.string(), z.number(), z.null()])),
  z.transform((v: string | number | null | undefined, ctx) => {
    if (v === undefined || v === null || v === "" || v === "NaN") return undefined;
    const n = typeof v === "number" ? v : Number(v);
    return Number.isFinite(n) ? n : failWith(ctx, `expected a decimal, got ${JSON.stringify(v)}`);
  }),
);

/** A machine code as sent: usually a string, sometimes a number (kept as its decimal string). */
export const wireCode = z.pipe(
  z.optional(z.union([z.string(), z.number()])),
  z.transform((c: string | number | undefined) => (c === undefined ? undefined : String(c))),
);

/** An ISO-8601 timestamp parsed to ms since epoch. */
export const isoTime = z.pipe(
  z.string(),
  z.transform((s: string, ctx) => {
    const t = Date.parse(s);
    return Number.isFinite(t) ? t : failWith(ctx, `expected an ISO timestamp, got ${JSON.stringify(s)}`);
  }),
);

/** An optional ISO timestamp (absent/null → undefined). */
export const optIsoTime = z.pipe(
  z.optional(z.union([z.string(), z.null()])),
  z.transform((s: string | null | undefined, ctx) => {
    if (s === undefined || s === null || s === "") return undefined;
    const t = Date.parse(s);
    return Number.isFinite(t) ? t : failWith(ctx, `expected an ISO timestamp, got ${JSON.stringify(s)}`);
  }),
);

/** `{"data":{"items":[…]}}`: tastytrade's list envelope around an item schema. */
export function listEnvelope<T extends z.core.$ZodType>(item: T) {
  return z.object({ data: z.object({ items: z.array(item) }) });
}

/** `{"data":{…}}`: tastytrade's single-object envelope. */
export function dataEnvelope<T extends z.core.$ZodType>(data: T) {
  return z.object({ data });
}

/** Dollars (USD) as integer cents, signed by a tastytrade `*-effect` (`Debit` negative). */
export function signedCents(amount: number | undefined, effect: string | undefined): number | undefined {
  if (amount === undefined) return undefined;
  const cents = Math.round(amount * 100);
  return effect === "Debit" ? -cents : cents;
}
