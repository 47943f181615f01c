import * as z from "zod/mini";
import "../validation/zod-english";

/** A `?limit=N` query: an optional whole number from 1 to `max`. */
export function limitQuery(max: number) {
  const rule = `must be a whole number from 1 to ${max}`;
  return z.strictObject({
    limit: z.optional(
      z
        .pipe(z.string().check(z.regex(/^\d+$/, rule)), z.transform(Number))
        .check(z.refine((n: number) => n >= 1 && n <= max, rule)),
    ),
  });
}
