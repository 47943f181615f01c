/** A key path as zod reports it. */
export type KeyPath = ReadonlyArray<PropertyKey>;

/** Dotted form of a key path: `strategies.x.underlyings[1]`. */
export function formatPath(path: KeyPath): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else out += (out ? "." : "") + String(seg);
  }
  return out;
}

/** True when `value` is a plain mapping (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** True when `path` names a value (even `null`) written in `root`. */
export function hasPath(root: unknown, path: KeyPath): boolean {
  let node: unknown = root;
  for (const seg of path) {
    if (Array.isArray(node) && typeof seg === "number") node = node[seg];
    else if (isRecord(node) && Object.prototype.hasOwnProperty.call(node, String(seg)))
      node = node[String(seg)];
    else return false;
    if (node === undefined) return false;
  }
  return true;
}
