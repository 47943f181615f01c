import * as z from "zod";

/** A `?limit=N` query: an optional whole number from 1 to `max`. */
export function limitQuery(max: number) {
  const rule = `must be a whole number from 1 to ${max}`;
  return z.strictObject({
    limit: z
      .string()
      .regex(/^\d+$/, rule)
      .transform(Number)
      .refine((n) => n >= 1 && n <= max, rule)
      .optional(),
  });
}
