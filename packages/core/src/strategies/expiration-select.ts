import type { ChainExpiration, ChainRoot, OptionChain } from "../market-data/option-chain";
import { daysBetween } from "../time/new-york";
import type { TargetRange } from "./config-types";
import { settlementMoment } from "../ledger/settlement-source";

/** The root and expiration a candidate trades. */
export interface ExpirationChoice {
  root: ChainRoot;
  expiration: ChainExpiration;
  /** Calendar days from today (New York) to the expiration date. */
  dte: number;
  /** Settlement instant, ms since epoch (AM roots at the open, PM roots at the close). */
  settlesAt: number;
}

/**
 * The expiration closest to `dte.target` among every root's expirations with DTE in
 * [`dte.min`, `dte.max`] that have not settled yet. Ties go to the PM-settled root (SPXW over SPX on
 * a monthly Friday: it trades through that day's close instead of settling on the open), then to
 * the nearer date, then to the root name. DTE is counted from `today`, not the chain's cached value.
 * @param today - `YYYY-MM-DD` in New York
 * @param now - ms since epoch
 */
export function chooseExpiration(
  chain: OptionChain,
  dte: TargetRange,
  today: string,
  now: number,
): { ok: true; choice: ExpirationChoice } | { ok: false; reason: string } {
  const candidates: Omit<ExpirationChoice, "settlesAt">[] = [];
  let nearest: { date: string; dte: number } | undefined;
  for (const root of chain.roots) {
    for (const expiration of root.expirations) {
      const d = daysBetween(today, expiration.date);
      if (!nearest || Math.abs(d - dte.target) < Math.abs(nearest.dte - dte.target))
        nearest = { date: expiration.date, dte: d };
      if (d >= dte.min && d <= dte.max && expiration.strikes.length > 0)
        candidates.push({ root, expiration, dte: d });
    }
  }
  const key = (c: (typeof candidates)[number]): number[] => [
    Math.abs(c.dte - dte.target),
    c.expiration.settlement === "PM" ? 0 : 1,
    c.dte,
  ];
  candidates.sort(
    (a, b) => compare(key(a), key(b)) || (a.root.root < b.root.root ? -1 : a.root.root > b.root.root ? 1 : 0),
  );
  // The settlement instant is costly (time-zone math): compute it only for the best few.
  for (const c of candidates) {
    const settlesAt = settlementMoment(c.expiration.date, c.expiration.settlement);
    if (settlesAt > now) return { ok: true, choice: Object.assign({}, c, { settlesAt }) };
  }
  const hint = nearest
    ? ` (nearest: ${nearest.date}, ${nearest.dte} DTE)`
    : " (the chain has no expirations)";
  return { ok: false, reason: `no expiration with ${dte.min}-${dte.max} DTE${hint}` };
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}
