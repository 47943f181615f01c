import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { forbiddenImports, tsFiles } from "../../support/import-graph";

const PACKAGES = fileURLToPath(new URL("../../../packages", import.meta.url));

/**
 * Development tools inside packages/core: the simulator and its synthetic markets, the backtest
 * over them, the fixture market, the simulated day, and the local DynamoDB engines (which start
 * Java). The product (every other core module, and the Lambda handlers) never imports them.
 */
function devToolRule(coreSrc: string) {
  const devTools = [
    "sim",
    "backtest",
    "storage/engines/dynalite-engine",
    "storage/engines/dynamodb-local-engine",
    "storage/engines/level-compaction",
    "storage/engines/index",
    "strategies/fixture-market",
    "orchestrator/simulated-day",
  ].map((p) => path.join(coreSrc, p));
  return {
    forbiddenPaths: devTools,
    forbiddenPackages:
      /^@stratdeck\/core\/(sim|backtest|storage\/engines|strategies\/fixture-market|orchestrator\/simulated-day)(\/|$)/,
    isAllowed: (file: string) =>
      devTools.some((d) => file === `${d}.ts` || file.startsWith(`${d}${path.sep}`)),
    relativeTo: path.dirname(path.dirname(coreSrc)),
  };
}

describe("core's product code does not depend on the development tools", () => {
  it("no product module of core, and no Lambda handler, imports the simulator, markets or engines", () => {
    const coreSrc = path.join(PACKAGES, "core/src");
    const files = [...tsFiles(coreSrc), ...tsFiles(path.join(PACKAGES, "functions/src"))];
    expect(files.length).toBeGreaterThan(100);
    expect(forbiddenImports(files, devToolRule(coreSrc))).toEqual([]);
  });

  describe("the check itself", () => {
    let dir: string | undefined;
    afterAll(() => (dir ? rm(dir, { recursive: true, force: true }) : undefined));

    it("fails on a deliberate import from the simulator (relative, barrel, package and dynamic)", async () => {
      dir = await mkdtemp(path.join(tmpdir(), "stratdeck-independence-"));
      const coreSrc = path.join(dir, "core/src");
      await mkdir(path.join(coreSrc, "paper"), { recursive: true });
      await mkdir(path.join(coreSrc, "sim/market"), { recursive: true });
      await writeFile(path.join(coreSrc, "sim/market/chain.ts"), "export const chain = 1;\n");
      await writeFile(path.join(coreSrc, "sim/index.ts"), 'export * from "./market/chain";\n');
      await writeFile(
        path.join(coreSrc, "paper/leaky.ts"),
        [
          'import { chain } from "../sim/market/chain";',
          'import type { RunningSimulator } from "../sim";',
          'import { startSimulator } from "@stratdeck/core/sim";',
          'import { clock } from "../time/clock";',
          'export const later = () => import("../backtest/run-backtest");',
          "export { chain, clock, startSimulator };",
          "export type { RunningSimulator };",
        ].join("\n"),
      );
      const found = forbiddenImports(tsFiles(coreSrc), devToolRule(coreSrc));
      expect(found).toEqual([
        { file: "core/src/paper/leaky.ts", specifier: "../sim/market/chain" },
        { file: "core/src/paper/leaky.ts", specifier: "../sim" },
        { file: "core/src/paper/leaky.ts", specifier: "@stratdeck/core/sim" },
        { file: "core/src/paper/leaky.ts", specifier: "../backtest/run-backtest" },
      ]);
    });
  });
});
