import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { packageOf, specifiersOf, tsFiles } from "../../support/import-graph";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const PACKAGES = path.join(ROOT, "packages");
const WORKSPACES = ["core", "sim", "functions", "cli"];

interface PackageJson {
  name: string;
  workspaces?: string[];
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

interface LockEntry {
  version?: string;
  link?: boolean;
  resolved?: string;
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, "utf8")) as T;
const lock = readJson<{ packages: Record<string, LockEntry> }>(path.join(ROOT, "package-lock.json")).packages;

/** The version the root lock installs for `name` (a workspace link resolves to its folder's entry). */
function lockedVersion(name: string): string | undefined {
  const entry = lock[`node_modules/${name}`];
  return entry?.link && entry.resolved ? lock[entry.resolved]?.version : entry?.version;
}

describe("each workspace declares what it imports", () => {
  it("every folder of packages/ is a workspace of the root package.json, and each is checked here", () => {
    const folders = readdirSync(PACKAGES, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    const root = readJson<PackageJson>(path.join(ROOT, "package.json"));
    expect(folders).toEqual([...WORKSPACES].sort());
    expect([...(root.workspaces ?? [])].sort()).toEqual(folders.map((f) => `packages/${f}`));
    for (const f of folders) expect(lock[`packages/${f}`]).toBeDefined();
  });

  it("the stream image copies every workspace's package.json before `npm ci` (which fails on a missing one)", () => {
    const dockerfile = readFileSync(path.join(PACKAGES, "functions/src/stream/Dockerfile"), "utf8");
    const beforeCi = dockerfile.slice(0, dockerfile.indexOf("RUN npm ci"));
    expect(beforeCi.length).toBeGreaterThan(0);
    const missing = WORKSPACES.filter(
      (ws) => !beforeCi.includes(`COPY packages/${ws}/package.json packages/${ws}/package.json`),
    );
    expect(missing).toEqual([]);
  });

  for (const ws of WORKSPACES) {
    it(`packages/${ws}`, () => {
      const dir = path.join(PACKAGES, ws);
      const pkg = readJson<PackageJson>(path.join(dir, "package.json"));
      const declared = new Set([
        pkg.name,
        ...Object.keys(pkg.dependencies ?? {}),
        ...Object.keys(pkg.devDependencies ?? {}),
      ]);
      const used = new Set<string>();
      for (const file of tsFiles(path.join(dir, "src"))) {
        for (const s of specifiersOf(readFileSync(file, "utf8"))) {
          const p = packageOf(s);
          // `aws-lambda` is the types-only package of @types/aws-lambda.
          if (p) used.add(p === "aws-lambda" ? "@types/aws-lambda" : p);
        }
      }
      expect(used.size).toBeGreaterThan(0);
      expect([...used].filter((p) => !declared.has(p)).sort()).toEqual([]);
    });

    it(`packages/${ws} pins exact versions, the ones the root lock installs`, () => {
      const pkg = readJson<PackageJson>(path.join(PACKAGES, ws, "package.json"));
      const deps = { ...pkg.dependencies, ...pkg.devDependencies };
      expect(Object.keys(deps).length).toBeGreaterThan(0);
      const off = Object.entries(deps)
        .filter(([name, version]) => lockedVersion(name) !== version)
        .map(([name, version]) => `${name}@${version} (lock: ${lockedVersion(name) ?? "absent"})`);
      expect(off).toEqual([]);
    });
  }
});
