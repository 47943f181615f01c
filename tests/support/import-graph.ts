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
