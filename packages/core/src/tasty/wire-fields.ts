import * as z from "zod";

/**
 * A tastytrade decimal: serialized as a string (`"5800.0"`), sometimes as a number. Parsed to a
 * finite number; anything else is an issue naming the value.
 */
export const decimal = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const n = typeof v === "number" ? v : v.trim() === "" ? Number.NaN : Number(v);
  if (!Number.isFinite(n)) {
    ctx.addIssue({ code: "custom", message: `expected a decimal, got ${JSON.stringify(v)}` });
    return z.NEVER;
  }
  return n;
});

/** An optional decimal: absent, null and `"NaN"` read as undefined. */
export const optDecimal = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === null || v === "" || v === "NaN") return undefined;
    const n = typeof v === "number" ? v : Number(v);
    if (!Number.isFinite(n)) {
      ctx.addIssue({ code: "custom", message: `expected a decimal, got ${JSON.stringify(v)}` });
      return z.NEVER;
    }
    return n;
  });

/** An ISO-8601 timestamp parsed to ms since epoch. */
export const isoTime = z.string().transform((s, ctx) => {
  const t = Date.parse(s);
  if (!Number.isFinite(t)) {
    ctx.addIssue({ code: "custom", message: `expected an ISO timestamp, got ${JSON.stringify(s)}` });
    return z.NEVER;
  }
  return t;
});

/** An optional ISO timestamp (absent/null → undefined). */
export const optIsoTime = z
  .union([z.string(), z.null()])
  .optional()
  .transform((s, ctx) => {
    if (s === undefined || s === null || s === "") return undefined;
    const t = Date.parse(s);
    if (!Number.isFinite(t)) {
      ctx.addIssue({ code: "custom", message: `expected an ISO timestamp, got ${JSON.stringify(s)}` });
      return z.NEVER;
    }
    return t;
  });

/** `{"data":{"items":[…]}}`: tastytrade's list envelope around an item schema. */
export function listEnvelope<T extends z.ZodType>(item: T) {
  return z.object({ data: z.object({ items: z.array(item) }) });
}

/** `{"data":{…}}`: tastytrade's single-object envelope. */
export function dataEnvelope<T extends z.ZodType>(data: T) {
  return z.object({ data });
}

/** Dollars (USD) as integer cents, signed by a tastytrade `*-effect` (`Debit` negative). */
export function signedCents(amount: number | undefined, effect: string | undefined): number | undefined {
  if (amount === undefined) return undefined;
  const cents = Math.round(amount * 100);
  return effect === "Debit" ? -cents : cents;
}
