/**
 * EventBridge's event-pattern matching for the forms this project's rules use, so a rule read from
 * a synthesized template can be tested against events shaped as AWS sends them: a field's array
 * lists alternatives (a literal, `{prefix}`, `{"anything-but": [...]}` or `{exists}`), nested
 * objects match nested fields, and `$or` holds when any of its sub-patterns does. An array in the
 * event matches when any of its elements does. Any other operator throws (never a silent pass).
 */
export function matchesPattern(pattern: Record<string, unknown>, event: Record<string, unknown>): boolean {
  return Object.entries(pattern).every(([key, rule]) => {
    if (key === "$or") return (rule as Record<string, unknown>[]).some((alt) => matchesPattern(alt, event));
    const value = event[key];
    if (Array.isArray(rule)) return rule.some((alt) => matchesValue(alt, value));
    if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
    return matchesPattern(rule as Record<string, unknown>, value as Record<string, unknown>);
  });
}

function matchesValue(alt: unknown, value: unknown): boolean {
  if (alt !== null && typeof alt === "object") {
    const [[op, arg]] = Object.entries(alt) as [[string, unknown]];
    if (op === "exists") return (value !== undefined) === arg;
    if (value === undefined) return false;
    const values = Array.isArray(value) ? value : [value];
    if (op === "prefix") return values.some((v) => typeof v === "string" && v.startsWith(String(arg)));
    if (op === "anything-but") return values.every((v) => !(Array.isArray(arg) ? arg : [arg]).includes(v));
    throw new Error(`event pattern operator ${op} is not modelled here`);
  }
  return (Array.isArray(value) ? value : [value]).includes(alt);
}
