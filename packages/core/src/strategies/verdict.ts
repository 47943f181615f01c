import type { Idea, FilterCheck } from "./idea";
import type { BuiltIdea } from "./idea-build";

/** Each failed filter halves the score, so failing ideas rank below comparable passing ones. */
const FAILED_FILTER_FACTOR = 0.5;
/** An idea on a TA-hint underlying price is halved too (and never tradable). */
const LOW_CONFIDENCE_FACTOR = 0.5;

/**
 * Ranking score, higher is better:
 * `score = (credit / width) × POP × 0.5^(failed filters) × (0.5 if the underlying price is a TA hint)`.
 * credit/width × POP is the probability-weighted credit kept per point of risk; the penalties push
 * ideas that fail a filter or rest on stale data below every comparable clean idea.
 */
export function scoreIdea(
  creditPerWidth: number,
  pop: number,
  failedFilters: number,
  lowConfidence: boolean,
): number {
  const s =
    creditPerWidth *
    pop *
    FAILED_FILTER_FACTOR ** failedFilters *
    (lowConfidence ? LOW_CONFIDENCE_FACTOR : 1);
  return Number(s.toFixed(6));
}

/**
 * Attaches checks, verdict, reasons, score and tradability:
 * - every filter passed and a live underlying price → `pass`, tradable;
 * - a filter failed → `rejected` in strict mode, else `advisory`; never tradable;
 * - underlying price from a TA hint → at best `advisory`; never tradable.
 */
export function judgeIdea(
  built: BuiltIdea,
  checks: FilterCheck[],
  opts: { strict: boolean; lowConfidence: boolean; lowConfidenceReason?: string },
): Idea {
  const failed = checks.filter((c) => !c.passed);
  const reasons = failed.map((c) => `${c.filter}: ${c.message}`);
  if (opts.lowConfidence)
    reasons.push(
      `underlying_price: ${opts.lowConfidenceReason ?? "TA hint (not a live price)"}: advisory only`,
    );
  const verdict: Idea["verdict"] =
    failed.length > 0 ? (opts.strict ? "rejected" : "advisory") : opts.lowConfidence ? "advisory" : "pass";
  // Object.assign, not a spread: V8 copies `{ ...a, b }` slowly (same keys, same order).
  return Object.assign({}, built, {
    score: scoreIdea(built.creditPerWidth, built.pop, failed.length, opts.lowConfidence),
    verdict,
    checks,
    reasons,
    tradable: verdict === "pass",
  });
}
