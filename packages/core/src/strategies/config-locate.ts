import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from "yaml";

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

/**
 * The 1-based line of the deepest node on `path` (the key itself when it exists, else its nearest
 * written ancestor), for error messages.
 */
export function lineOf(doc: Document, counter: LineCounter, path: KeyPath): number | undefined {
  let node: unknown = doc.contents;
  let offset: number | undefined = (doc.contents as Node | null)?.range?.[0];
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      offset = (pair.key as Node).range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === "number") {
      const item = node.items[seg] as Node | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else break;
  }
  return offset === undefined ? undefined : counter.linePos(offset).line;
}
