import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const CORE = fileURLToPath(new URL("../../../packages/core", import.meta.url));
const exportsMap = (
  JSON.parse(readFileSync(path.join(CORE, "package.json"), "utf8")) as { exports: Record<string, string> }
).exports;

describe("@stratdeck/core lists its public entry points", () => {
  it("no catch-all export, and every listed entry point exists", () => {
    expect(Object.keys(exportsMap)).not.toContain("./*");
    const missing = Object.entries(exportsMap)
      .filter(([, target]) => !target.includes("*"))
      .filter(([, target]) => !existsSync(path.join(CORE, target)));
    expect(missing).toEqual([]);
  });

  it("every top-level folder of core/src with an index.ts is an entry point", () => {
    const folders = readdirSync(path.join(CORE, "src"), { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(path.join(CORE, "src", d.name, "index.ts")))
      .map((d) => `./${d.name}`);
    expect(folders.length).toBeGreaterThan(10);
    expect(folders.filter((f) => !(f in exportsMap))).toEqual([]);
  });
});
