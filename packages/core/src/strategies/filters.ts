import type { FilterRules } from "./config-types";
import type { FilterCheck } from "./idea";

/** The live values filters are evaluated on. */
export interface FilterInputs {
  /** credit / width, fraction. */
  creditPerWidth: number;
  /** Probability of profit, fraction. */
  pop: number;
  /** IV rank, fraction (undefined when unknown: fails `min_ivr`). */
  ivRank?: number;
}

const trim = (t: string): string => (t.includes(".") ? t.replace(/\.?0+$/, "") : t) || "0";
const fmt = (x: number, digits = 3): string => trim(x.toFixed(digits));

/** Digits (3 to 8) at which `value` and `threshold` read differently unless they are equal. */
function agreeingDigits(value: number, threshold: number): number {
  let d = 3;
  while (d < 8 && value !== threshold && fmt(value, d) === fmt(threshold, d)) d++;
  return d;
}

function atLeast(filter: string, label: string, value: number | null, threshold: number): FilterCheck {
  const passed = value !== null && Number.isFinite(value) && value >= threshold;
  const message =
    value === null
      ? `${label} unknown (min ${fmt(threshold)})`
      : `${label} ${fmt(value, agreeingDigits(value, threshold))} ${passed ? ">=" : "<"} min ${fmt(threshold)}`;
  return { filter, value, threshold, passed, message };
}

/**
 * Evaluates every configured filter (a `null` threshold is off) on live values. An unknown value
 * fails its filter: a rule that cannot be checked never passes silently.
 */
export function evaluateFilters(rules: FilterRules, v: FilterInputs): FilterCheck[] {
  const checks: FilterCheck[] = [];
  if (rules.minCreditPerWidth !== null)
    checks.push(atLeast("min_credit_per_width", "credit/width", v.creditPerWidth, rules.minCreditPerWidth));
  if (rules.minPop !== null) checks.push(atLeast("min_pop", "POP", v.pop, rules.minPop));
  if (rules.minIvr !== null) checks.push(atLeast("min_ivr", "IV rank", v.ivRank ?? null, rules.minIvr));
  return checks;
}
