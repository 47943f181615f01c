import * as z from "zod/mini";
import { StoreError } from "./store-error";

/**
 * An item read from a table, parsed with its record schema. A malformed item is a
 * {@link StoreError} of kind `malformed` naming the table, the key and each bad field, instead of a
 * wrong value surfacing later.
 */
export function parseItem<T>(
  schema: z.core.$ZodType<T>,
  item: Record<string, unknown>,
  table: string,
  key: Record<string, unknown>,
): T {
  const r = z.safeParse(schema, item);
  if (r.success) return r.data;
  const fields = r.error.issues.map((i) => `${i.path.join(".") || "(item)"}: ${i.message}`).join("; ");
  throw new StoreError("malformed", table, key, `malformed item: ${fields}`);
}
