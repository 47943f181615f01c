/** A position an exits run flagged, and the rule. */
export interface Flagged {
  positionId: string;
  rule: string;
}

/**
 * The positions an exits run flagged, read from {@link runJob}'s report (`alerts: [{positionId,
 * rule}]`); any other job's report flags nothing. A position is listed once (its first rule).
 */
export function flaggedPositions(report: unknown): Flagged[] {
  if (typeof report !== "object" || report === null) return [];
  const alerts = (report as { alerts?: unknown }).alerts;
  if (!Array.isArray(alerts)) return [];
  const seen = new Set<string>();
  const out: Flagged[] = [];
  for (const a of alerts as unknown[]) {
    if (typeof a !== "object" || a === null) continue;
    const { positionId, rule } = a as { positionId?: unknown; rule?: unknown };
    if (typeof positionId !== "string" || typeof rule !== "string" || seen.has(positionId)) continue;
    seen.add(positionId);
    out.push({ positionId, rule });
  }
  return out;
}
