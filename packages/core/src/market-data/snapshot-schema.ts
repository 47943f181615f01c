import * as z from "zod";
import type { StoredSnapshot } from "./snapshot-store";

const num = z.number().optional();

/** A snapshot as stored (see {@link StoredSnapshot}); loose, so fields added later are kept. */
export const storedSnapshotSchema: z.ZodType<StoredSnapshot> = z.looseObject({
  symbol: z.string(),
  bid: num,
  ask: num,
  mid: num,
  bidSize: num,
  askSize: num,
  last: num,
  iv: num,
  greeks: z.looseObject({ delta: num, gamma: num, theta: num, vega: num, rho: num, theo: num }).optional(),
  prevClose: num,
  eventTime: z.number(),
  writtenAt: z.number(),
  expiresAt: num,
});
