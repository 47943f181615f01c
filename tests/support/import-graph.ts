import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/** One import that breaks the rule. */
export interface ForbiddenImport {
  /** Importing file, relative to the scanned root's parent (e.g. `core/src/paper/x.ts`). */
  file: string;
  /** The import specifier as written. */
  specifier: string;
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+"([^"]+)"|import\(\s*"([^"]+)"\s*\)/g;

/** Every `.ts` file under `dir`. */
export function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? tsFiles(p) : p.endsWith(".ts") ? [p] : [];
  });
}

/** The import and re-export specifiers of a source text (static and dynamic). */
export function importsOf(source: string): string[] {
  return [...source.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? "");
}

/**
 * Imports in `files` that reach a forbidden module: a relative import resolving inside one of
 * `forbiddenPaths` (absolute; a folder or a file without extension), or a package specifier
 * matching `forbiddenPackages`. `isAllowed` keeps a product file out of the check (dev tools may
 * import each other).
 */
export function forbiddenImports(
  files: readonly string[],
  rule: {
    forbiddenPaths: readonly string[];
    forbiddenPackages: RegExp;
    isAllowed: (file: string) => boolean;
    relativeTo: string;
  },
): ForbiddenImport[] {
  const out: ForbiddenImport[] = [];
  for (const file of files) {
    if (rule.isAllowed(file)) continue;
    for (const spec of importsOf(readFileSync(file, "utf8"))) {
      const bad = spec.startsWith(".")
        ? rule.forbiddenPaths.some((f) => {
            const target = path.resolve(path.dirname(file), spec).replace(/\.ts$/, "");
            return target === f || target.startsWith(`${f}${path.sep}`);
          })
        : rule.forbiddenPackages.test(spec);
      if (bad) out.push({ file: path.relative(rule.relativeTo, file), specifier: spec });
    }
  }
  return out;
}
