import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { importsOf, tsFiles } from "../../support/import-graph";

const PACKAGES = fileURLToPath(new URL("../../../packages", import.meta.url));

/** The package a bare specifier names (`@scope/name/deep` → `@scope/name`), or null for node: and relative ones. */
function packageOf(spec: string): string | null {
  if (spec.startsWith(".") || spec.startsWith("node:")) return null;
  const parts = spec.split("/");
  return spec.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] ?? null);
}

/** Packages a workspace loads with `require("…")` / `require.resolve("…")` besides its imports. */
const REQUIRED = /require(?:\.resolve)?\(\s*"([^".][^"]*)"\s*\)/g;

describe("each workspace declares what it imports", () => {
  for (const ws of ["core", "functions", "cli"]) {
    it(`packages/${ws}`, () => {
      const dir = path.join(PACKAGES, ws);
      const pkg = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as {
        name: string;
        dependencies?: Record<string, string>;
        devDependencies?: Record<string, string>;
      };
      const declared = new Set([
        pkg.name,
        ...Object.keys(pkg.dependencies ?? {}),
        ...Object.keys(pkg.devDependencies ?? {}),
      ]);
      const used = new Set<string>();
      for (const file of tsFiles(path.join(dir, "src"))) {
        const text = readFileSync(file, "utf8");
        const specs = [...importsOf(text), ...[...text.matchAll(REQUIRED)].map((m) => m[1] ?? "")];
        for (const s of specs) {
          const p = packageOf(s);
          // `aws-lambda` is the types-only package of @types/aws-lambda.
          if (p) used.add(p === "aws-lambda" ? "@types/aws-lambda" : p);
        }
      }
      expect(used.size).toBeGreaterThan(0);
      expect([...used].filter((p) => !declared.has(p)).sort()).toEqual([]);
    });
  }
});
