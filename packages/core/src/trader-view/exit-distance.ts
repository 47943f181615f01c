import type { ExitRule } from "../ledger/exit-rules";
import type { ExitRules } from "../ledger/paper-settings";
import { positionCents } from "../ledger/payoff";
import type { PositionMark } from "../ledger/position-mark";
import { usd } from "../ledger/risk-rules";

/** How far a position is from one exit rule. */
export interface ExitDistance {
  rule: ExitRule;
  /**
   * Fraction of the way to the rule's threshold (1 = fires): profit-target P&L / target,
   * max-loss loss / stop, dte threshold / days left.
   */
  progress: number;
  /** Human sentence, e.g. `profit target $125.00 (50% of max): now $40.00`. */
  message: string;
}

const clamp = (x: number): number => Math.max(0, Math.min(1, Number(x.toFixed(4))));

/**
 * Every exit rule's distance for a mark, nearest (largest progress) first. The price rules need a
 * priced mark; the DTE rule is always there.
 */
export function exitDistances(mark: PositionMark, rules: ExitRules): ExitDistance[] {
  const out: ExitDistance[] = [
    {
      rule: "dte",
      progress: clamp(mark.dte <= rules.dteThreshold ? 1 : rules.dteThreshold / mark.dte),
      message: `exit at ${rules.dteThreshold} DTE: ${Math.max(0, mark.dte - rules.dteThreshold)} days away`,
    },
  ];
  if (mark.status === "priced" && mark.maxProfitCents > 0) {
    const target = Math.round(rules.profitTargetFraction * mark.maxProfitCents);
    out.push({
      rule: "profit-target",
      progress: clamp(mark.pnlCents / target),
      message: `profit target ${usd(target)} (${Math.round(rules.profitTargetFraction * 100)}% of max): now ${usd(mark.pnlCents)}`,
    });
  }
  const creditCents = positionCents(mark.entryCredit, mark.multiplier, mark.quantity);
  if (mark.status === "priced" && creditCents > 0) {
    const stop = Math.round(rules.maxLossMultiple * creditCents);
    out.push({
      rule: "max-loss",
      progress: clamp(-mark.pnlCents / stop),
      message: `stop at a loss of ${usd(stop)} (${rules.maxLossMultiple}× the credit): now ${usd(mark.pnlCents)}`,
    });
  }
  return out.sort((a, b) => b.progress - a.progress);
}
