import type { Refusal } from "./leg-fill";
import type { RiskLimits } from "./paper-settings";

/** What the risk rules need to know about a position (open, or entered earlier in this run). */
export interface RiskExposure {
  underlying: string;
  /** Strategy and nearest expiration (`YYYY-MM-DD`), for the duplicate and per-strategy rules. */
  strategy?: string;
  expiration?: string;
  /** Position id, named in a duplicate refusal. */
  positionId?: string;
  /** Max loss of the whole position, cents. */
  maxLossCents: number;
}

/**
 * Reasons the risk limits block a new position, empty when it may be entered. `book` holds the open
 * positions plus those entered earlier in the same run; `enteredInSlot` counts the open positions
 * entered in this schedule slot (by this run or an earlier delivery of it). A read-time check that
 * explains refusals early; the hard guarantee across processes is `PaperOrderStore.reserve`.
 */
export function riskBlocks(
  candidate: RiskExposure,
  book: readonly RiskExposure[],
  enteredInSlot: number,
  limits: RiskLimits,
): Refusal[] {
  const out: Refusal[] = [];
  if (enteredInSlot >= limits.maxEntriesPerSlot) {
    out.push({
      code: "max-entries-per-slot",
      message: `already ${enteredInSlot} entries in this slot (max ${limits.maxEntriesPerSlot})`,
    });
  }
  if (book.length >= limits.maxOpenPositions) {
    out.push({
      code: "max-open-positions",
      message: `${book.length} open positions (max ${limits.maxOpenPositions})`,
    });
  }
  const same = book.filter((p) => p.underlying === candidate.underlying).length;
  if (same >= limits.maxPerUnderlying) {
    out.push({
      code: "max-per-underlying",
      message: `${same} open ${candidate.underlying} positions (max ${limits.maxPerUnderlying})`,
    });
  }
  if (candidate.strategy !== undefined) {
    const dup = book.find(
      (p) =>
        p.strategy === candidate.strategy &&
        p.underlying === candidate.underlying &&
        p.expiration === candidate.expiration,
    );
    if (dup) {
      out.push({
        code: "duplicate-exposure",
        message: `open position ${dup.positionId ?? "(this run)"} already has ${candidate.strategy} on ${candidate.underlying} expiring ${candidate.expiration}`,
      });
    }
    const sameStrategy = book.filter(
      (p) => p.strategy === candidate.strategy && p.underlying === candidate.underlying,
    ).length;
    if (sameStrategy >= limits.maxPerStrategyUnderlying) {
      out.push({
        code: "max-per-strategy-underlying",
        message: `${sameStrategy} open ${candidate.strategy} positions on ${candidate.underlying} (max ${limits.maxPerStrategyUnderlying})`,
      });
    }
  }
  const total = book.reduce((s, p) => s + p.maxLossCents, 0);
  if (total + candidate.maxLossCents > limits.maxTotalRiskCents) {
    out.push({
      code: "max-total-risk",
      message: `total risk ${usd(total)} + ${usd(candidate.maxLossCents)} > max ${usd(limits.maxTotalRiskCents)}`,
    });
  }
  return out;
}

/**
 * Formats cents as dollars with thousands separators, e.g. `-$4,855.00` (a fraction of a cent is
 * rounded half up). Plain integer arithmetic: `toLocaleString` built an ICU formatter per call,
 * which made a screen of positions visibly slower.
 * @param cents - amount in cents
 */
export function usd(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const total = Math.round(Math.abs(cents));
  const dollars = String(Math.floor(total / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}$${dollars}.${String(total % 100).padStart(2, "0")}`;
}
