import * as z from "zod/mini";
import "../validation/zod-english";
import type {
  ChainExpiration,
  ChainRoot,
  OptionChain,
  SkippedExpiration,
  TickSize,
} from "../market-data/option-chain";
import { DEFAULT_INDEX_TICKS } from "../market-data/option-chain";
import { daysBetween } from "../time/new-york";
import { decimal, listEnvelope, optDecimal } from "./wire-fields";

const nonEmpty = z.string().check(z.minLength(1));

const strike = z.object({
  "strike-price": decimal,
  call: nonEmpty,
  "call-streamer-symbol": nonEmpty,
  put: nonEmpty,
  "put-streamer-symbol": nonEmpty,
});

const expiration = z.object({
  "expiration-date": z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD")),
  "expiration-type": z._default(z.string(), "Regular"),
  // Any string: an unknown settlement type skips that expiration only, never the whole chain.
  "settlement-type": z.string(),
  strikes: z.array(strike),
});

const chainItem = z.object({
  "underlying-symbol": nonEmpty,
  "root-symbol": nonEmpty,
  "shares-per-contract": z._default(z.int().check(z.positive()), 100),
  "tick-sizes": z._default(z.array(z.object({ value: decimal, threshold: optDecimal })), []),
  expirations: z.array(expiration),
});

/** GET /option-chains/{underlying}/nested body: one item per root (SPX monthlies, SPXW weeklies, …). */
export const nestedChainResponse = listEnvelope(chainItem);

/**
 * Maps the nested chain to the domain chain: tick sizes ordered by threshold (the unbounded one
 * last), expirations by date with DTE counted from `today` (NY date), strikes ascending; expired
 * expirations are dropped.
 */
export function toOptionChain(
  underlying: string,
  body: z.output<typeof nestedChainResponse>,
  today: string,
  fetchedAt: number,
): OptionChain {
  const skipped: SkippedExpiration[] = [];
  const roots: ChainRoot[] = body.data.items.map((item) => {
    const tickSizes: TickSize[] = item["tick-sizes"]
      .map((t) =>
        t.threshold === undefined ? { value: t.value } : { value: t.value, threshold: t.threshold },
      )
      .sort((a, b) => (a.threshold ?? Infinity) - (b.threshold ?? Infinity));
    const known = item.expirations.filter((e) => {
      const st = e["settlement-type"];
      if (st === "AM" || st === "PM") return true;
      skipped.push({
        root: item["root-symbol"],
        date: e["expiration-date"],
        reason: `unknown settlement-type ${JSON.stringify(st)} (expected AM or PM)`,
      });
      return false;
    });
    const expirations: ChainExpiration[] = known
      .map((e) => ({
        date: e["expiration-date"],
        dte: daysBetween(today, e["expiration-date"]),
        settlement: e["settlement-type"] as "AM" | "PM",
        expirationType: e["expiration-type"],
        strikes: e.strikes
          .map((s) => ({
            strike: s["strike-price"],
            callOcc: s.call,
            callStreamer: s["call-streamer-symbol"],
            putOcc: s.put,
            putStreamer: s["put-streamer-symbol"],
          }))
          .sort((a, b) => a.strike - b.strike),
      }))
      .filter((e) => e.dte >= 0)
      .sort((a, b) => a.date.localeCompare(b.date));
    return {
      root: item["root-symbol"],
      sharesPerContract: item["shares-per-contract"],
      // No table sent: the standard index-option rule (0.05 under 3.00, else 0.10).
      tickSizes: tickSizes.length > 0 ? tickSizes : [...DEFAULT_INDEX_TICKS],
      expirations,
    };
  });
  return { underlying, roots, fetchedAt, ...(skipped.length > 0 ? { skipped } : {}) };
}
