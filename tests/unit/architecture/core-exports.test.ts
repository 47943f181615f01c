import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { specifiersOf, tsFiles } from "../../support/import-graph";

const PACKAGES = fileURLToPath(new URL("../../../packages", import.meta.url));

interface PackageJson {
  exports: Record<string, string>;
  sideEffects?: boolean | string[];
}

const manifest = (ws: string): PackageJson =>
  JSON.parse(readFileSync(path.join(PACKAGES, ws, "package.json"), "utf8")) as PackageJson;

/** What each workspace may declare as having side effects. */
const SIDE_EFFECTS: Record<string, boolean | string[]> = {
  core: ["./src/validation/zod-english.ts"],
  sim: false,
};

for (const ws of ["core", "sim"]) {
  const dir = path.join(PACKAGES, ws);
  const { exports: exportsMap, sideEffects } = manifest(ws);

  describe(`@stratdeck/${ws} lists its public entry points`, () => {
    it("no pattern export, every listed entry point exists, and side effects only where declared", () => {
      expect(Object.entries(exportsMap).filter(([k, v]) => k.includes("*") || v.includes("*"))).toEqual([]);
      const missing = Object.entries(exportsMap).filter(([, target]) => !existsSync(path.join(dir, target)));
      expect(missing).toEqual([]);
      // Tree-shaking may drop any module but the one that installs zod/mini's English messages
      // (an import for its effect only; without the entry esbuild drops it and messages read
      // "Invalid input").
      expect(sideEffects).toEqual(SIDE_EFFECTS[ws]);
      for (const f of Array.isArray(sideEffects) ? sideEffects : [])
        expect(existsSync(path.join(dir, f))).toBe(true);
    });
  });
}

describe("@stratdeck/core's entry points", () => {
  it("every top-level folder of core/src with an index.ts is an entry point", () => {
    const exportsMap = manifest("core").exports;
    const folders = readdirSync(path.join(PACKAGES, "core/src"), { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(path.join(PACKAGES, "core/src", d.name, "index.ts")))
      .map((d) => `./${d.name}`);
    expect(folders.length).toBeGreaterThan(10);
    expect(folders.filter((f) => !(f in exportsMap))).toEqual([]);
  });
});

describe("@stratdeck/sim's entry points", () => {
  it("are exactly the subpaths the CLI, tests, benches and scripts import, none a pattern", () => {
    const exportsMap = manifest("sim").exports;
    expect(Object.entries(exportsMap).filter(([k, v]) => k.includes("*") || v.includes("*"))).toEqual([]);
    const users = ["packages/cli/src", "tests", "bench", "scripts"].flatMap((d) =>
      tsFiles(path.join(PACKAGES, "..", d)),
    );
    // sim resolves its own worker entry through its exports (a bundled caller has no file beside it).
    const selfResolved = tsFiles(path.join(PACKAGES, "sim", "src")).flatMap((f) =>
      [...readFileSync(f, "utf8").matchAll(/\.resolve\(\s*["'](@stratdeck\/sim\/[^"']+)["']\s*\)/g)].map(
        (m) => m[1] ?? "",
      ),
    );
    const imported = new Set(
      [...users.flatMap((f) => specifiersOf(readFileSync(f, "utf8"))), ...selfResolved]
        .filter((s) => s === "@stratdeck/sim" || s.startsWith("@stratdeck/sim/"))
        .map((s) => `.${s.slice("@stratdeck/sim".length)}`),
    );
    expect(imported.size).toBeGreaterThan(1);
    expect([...imported].sort()).toEqual(Object.keys(exportsMap).sort());
  });
});
