import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/** One import that breaks the rule. */
export interface ForbiddenImport {
  /** Importing file, relative to the rule's `relativeTo` (e.g. `core/src/ledger/x.ts`). */
  file: string;
  /** The specifier as written. */
  specifier: string;
}

/**
 * Static imports and re-exports (`… from "x"`), side-effect imports (`import "x"`), dynamic
 * imports (`import("x")`) and CommonJS loads (`require("x")`, `require.resolve("x")`).
 */
const SPECIFIER =
  /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|(?:^|\n)\s*import\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|require(?:\.resolve)?\(\s*["']([^"']+)["']\s*\)/g;

/** Every `.ts` file under `dir`. */
export function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? tsFiles(p) : p.endsWith(".ts") ? [p] : [];
  });
}

/** Every module specifier a source text loads: static, side-effect, dynamic, `require`, `require.resolve`. */
export function specifiersOf(source: string): string[] {
  return [...source.matchAll(SPECIFIER)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4] ?? "");
}

/** The package a bare specifier names (`@scope/name/deep` → `@scope/name`), or null for node: and relative ones. */
export function packageOf(spec: string): string | null {
  if (spec.startsWith(".") || spec.startsWith("/") || spec.startsWith("node:")) return null;
  const parts = spec.split("/");
  return spec.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] ?? null);
}

/**
 * Imports in `files` (all inside the package folder `packageRoot`) that break the package's
 * boundary: a relative or absolute specifier resolving outside `packageRoot`, or a bare specifier
 * naming one of `forbiddenPackages` (the package itself or any of its subpaths).
 */
export function forbiddenImports(
  files: readonly string[],
  rule: { packageRoot: string; forbiddenPackages: readonly string[]; relativeTo: string },
): ForbiddenImport[] {
  const out: ForbiddenImport[] = [];
  for (const file of files) {
    for (const spec of specifiersOf(readFileSync(file, "utf8"))) {
      const pkg = packageOf(spec);
      const bad =
        pkg === null && !spec.startsWith("node:")
          ? !path.resolve(path.dirname(file), spec).startsWith(`${rule.packageRoot}${path.sep}`)
          : pkg !== null && rule.forbiddenPackages.includes(pkg);
      if (bad) out.push({ file: path.relative(rule.relativeTo, file), specifier: spec });
    }
  }
  return out;
}

/** A package.json's declared dependencies of every kind (runtime, dev, peer, optional). */
export function declaredDependencies(pkg: {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}): string[] {
  return [pkg.dependencies, pkg.devDependencies, pkg.peerDependencies, pkg.optionalDependencies].flatMap(
    (deps) => Object.keys(deps ?? {}),
  );
}

/** The `.ts` file a relative specifier of `from` loads (`./x` → `x.ts` or `x/index.ts`), or null. */
function resolveRelative(from: string, spec: string, known: ReadonlySet<string>): string | null {
  if (!spec.startsWith(".")) return null;
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, path.join(base, "index.ts")])
    if (known.has(candidate)) return candidate;
  return null;
}

/** Each file's relative imports (type-only ones included) among `files`. */
export function importGraph(files: readonly string[]): Map<string, string[]> {
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const targets = specifiersOf(readFileSync(file, "utf8"))
      .map((spec) => resolveRelative(file, spec, known))
      .filter((t): t is string => t !== null);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** Strongly connected components of more than one file (or a file importing itself): the import cycles. */
export function importCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const scc: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      scc.push(w);
    } while (w !== v);
    if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(scc.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return out;
}

/**
 * Import cycles that run through both folders `a` and `b` (absolute paths): each as its files,
 * relative to `relativeTo`.
 */
export function cyclesBetween(
  files: readonly string[],
  a: string,
  b: string,
  relativeTo: string,
): string[][] {
  const inside = (dir: string) => (f: string) => f.startsWith(`${dir}${path.sep}`);
  return importCycles(importGraph(files))
    .filter((scc) => scc.some(inside(a)) && scc.some(inside(b)))
    .map((scc) => scc.map((f) => path.relative(relativeTo, f)));
}
