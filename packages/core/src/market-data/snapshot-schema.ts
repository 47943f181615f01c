import * as z from "zod/mini";
import "../validation/zod-english";
import type { StoredSnapshot } from "./snapshot-store";

const num = z.optional(z.number());

/** A snapshot as stored (see {@link StoredSnapshot}); loose, so fields added later are kept. */
export const storedSnapshotSchema: z.ZodMiniType<StoredSnapshot> = z.looseObject({
  symbol: z.string(),
  bid: num,
  ask: num,
  mid: num,
  bidSize: num,
  askSize: num,
  last: num,
  iv: num,
  greeks: z.optional(z.looseObject({ delta: num, gamma: num, theta: num, vega: num, rho: num, theo: num })),
  prevClose: num,
  eventTime: z.number(),
  writtenAt: z.number(),
  expiresAt: num,
});
