import type { ExitRules } from "./paper-settings";
import { positionCents } from "./payoff";
import type { PositionMark } from "./position-mark";
import { usd } from "./risk-rules";

/** The exit rules: take profit, too close to expiration, stop loss. */
export type ExitRule = "profit-target" | "dte" | "max-loss";

/** A rule that fired, with the observed value and the threshold it crossed. */
export interface ExitHit {
  rule: ExitRule;
  /** profit-target: fraction of max profit; dte: days; max-loss: loss as a multiple of the credit. */
  value: number;
  /** Same unit as `value`. */
  threshold: number;
  message: string;
}

// Cents are integers; the tolerance only absorbs binary noise in fraction × cents.
const EPS = 1e-6;

/**
 * Exit rules that fire for a mark, each flagging exactly at its threshold: P&L ≥ target × max profit,
 * DTE ≤ threshold, loss ≥ multiple × entry credit. The DTE rule needs no quotes, so it also fires
 * for an unpriced position.
 */
export function evaluateExits(mark: PositionMark, rules: ExitRules): ExitHit[] {
  const hits: ExitHit[] = [];
  const label = `${mark.underlying} ${mark.strategy} ${mark.expiration}`;
  if (mark.dte <= rules.dteThreshold) {
    hits.push({
      rule: "dte",
      value: mark.dte,
      threshold: rules.dteThreshold,
      message: `${label}: ${mark.dte} days to expiration (exit at ${rules.dteThreshold})`,
    });
  }
  if (mark.status !== "priced") return hits;
  const targetCents = rules.profitTargetFraction * mark.maxProfitCents;
  if (mark.maxProfitCents > 0 && mark.pnlCents >= targetCents - EPS) {
    hits.push({
      rule: "profit-target",
      value: mark.pctOfMaxProfit,
      threshold: rules.profitTargetFraction,
      message: `${label}: profit ${usd(mark.pnlCents)} = ${pct(mark.pctOfMaxProfit)} of max ${usd(mark.maxProfitCents)} (target ${pct(rules.profitTargetFraction)})`,
    });
  }
  const creditCents = positionCents(mark.entryCredit, mark.multiplier, mark.quantity);
  const stopCents = rules.maxLossMultiple * creditCents;
  if (creditCents > 0 && -mark.pnlCents >= stopCents - EPS) {
    hits.push({
      rule: "max-loss",
      value: -mark.pnlCents / creditCents,
      threshold: rules.maxLossMultiple,
      message: `${label}: loss ${usd(-mark.pnlCents)} ≥ ${rules.maxLossMultiple}× the credit ${usd(creditCents)}`,
    });
  }
  return hits;
}

const pct = (f: number): string => `${(f * 100).toFixed(1)}%`;
