import type { Idea } from "../strategies/idea";
import type { Refusal } from "./leg-fill";

/**
 * Passing, tradable ideas by descending score; the others are reported through `skip` with the
 * reasons that actually failed (the idea's failed filters, or its low-confidence source).
 */
export function rankIdeas(ideas: readonly Idea[], skip: (idea: Idea, reasons: Refusal[]) => void): Idea[] {
  const ok: Idea[] = [];
  for (const idea of ideas) {
    const reasons: Refusal[] = [];
    if (idea.verdict !== "pass")
      reasons.push({
        code: "verdict",
        message: `verdict ${idea.verdict}: ${idea.reasons.join("; ") || "filters failed"}`,
      });
    if (!idea.tradable && idea.verdict === "pass")
      reasons.push({
        code: "not-tradable",
        message: `not tradable: ${idea.reasons.join("; ") || `underlying price from ${idea.underlyingSource}`}`,
      });
    if (reasons.length > 0) skip(idea, reasons);
    else ok.push(idea);
  }
  return ok.sort((a, b) => b.score - a.score);
}
