import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { functionLengths } from "../../support/function-lengths";
import { cyclesBetween, tsFiles } from "../../support/import-graph";
import { tempDirs } from "../../support/temp-dirs";

const CORE = fileURLToPath(new URL("../../../packages/core/src", import.meta.url));

/** Longest function allowed on the entry, close and settle paths, lines. */
const MAX_LINES = 60;

/**
 * The entry, close and settle paths: their use cases in the ledger, the entry rules and the
 * venues (paper and tastytrade, with order following), the API route and what they share.
 */
const PATHS = [
  "ledger/enter-auto.ts",
  "ledger/submit-entry.ts",
  "ledger/entry-order.ts",
  "ledger/price-entry.ts",
  "ledger/close-position.ts",
  "ledger/close-order.ts",
  "ledger/settle-expired.ts",
  "ledger/fill-book.ts",
  "api/routes/close-position.ts",
  "entry",
  "venues",
];

/** Files of the paths under `root`. */
function pathFiles(root: string): string[] {
  return PATHS.flatMap((p) => (p.endsWith(".ts") ? [path.join(root, p)] : tsFiles(path.join(root, p))));
}

/** Functions longer than {@link MAX_LINES} in `files`. */
const tooLong = (files: readonly string[], root: string) =>
  files.flatMap((f) => functionLengths(f, path.relative(root, f))).filter((f) => f.lines > MAX_LINES);

describe("the ledger and the venues", () => {
  it("no import cycle runs through both packages/core/src/ledger and packages/core/src/venues", () => {
    const files = tsFiles(CORE);
    expect(files.filter((f) => f.includes(`${path.sep}venues${path.sep}`)).length).toBeGreaterThan(10);
    expect(cyclesBetween(files, path.join(CORE, "ledger"), path.join(CORE, "venues"), CORE)).toEqual([]);
  });

  it(`no function on the entry, close and settle paths is longer than ${MAX_LINES} lines`, () => {
    const files = pathFiles(CORE);
    expect(files.length).toBeGreaterThan(20);
    expect(tooLong(files, CORE)).toEqual([]);
  });

  describe("the checks themselves", () => {
    const dirs = tempDirs("stratdeck-ledger-venues-");
    afterAll(() => dirs.cleanup());

    it("find a deliberate cycle (a type-only import back counts) and pass once it is broken", () => {
      const root = dirs.fresh();
      mkdirSync(path.join(root, "ledger"));
      mkdirSync(path.join(root, "venues/broker"), { recursive: true });
      mkdirSync(path.join(root, "time"));
      const write = (f: string, text: string) => writeFileSync(path.join(root, f), text);
      write("time/clock.ts", "export const now = 0;\n");
      write("ledger/close.ts", 'import { send } from "../venues/broker";\nexport const close = send;\n');
      write("venues/broker/index.ts", 'export * from "./send";\n');
      write(
        "venues/broker/send.ts",
        'import type { Close } from "../../ledger/types";\nimport { now } from "../../time/clock";\nexport const send = (c?: Close) => now + (c ? 1 : 0);\n',
      );
      write("ledger/types.ts", 'import { close } from "./close";\nexport type Close = typeof close;\n');
      const cycles = () =>
        cyclesBetween(tsFiles(root), path.join(root, "ledger"), path.join(root, "venues"), root);
      expect(cycles()).toEqual([
        ["ledger/close.ts", "ledger/types.ts", "venues/broker/index.ts", "venues/broker/send.ts"],
      ]);
      // The port's type lives with the port: the venue no longer imports the ledger.
      write(
        "venues/broker/send.ts",
        'import { now } from "../../time/clock";\nexport const send = () => now;\n',
      );
      expect(cycles()).toEqual([]);
    });

    it(`find a function of ${MAX_LINES + 1} lines (a declaration, a method or an arrow) and allow ${MAX_LINES}`, () => {
      const root = dirs.fresh();
      const body = (n: number) => Array.from({ length: n - 2 }, (_, i) => `  const v${i} = ${i};`).join("\n");
      const file = path.join(root, "long.ts");
      writeFileSync(
        file,
        [
          `export function ok() {\n${body(MAX_LINES)}\n}`,
          `export function long() {\n${body(MAX_LINES + 1)}\n}`,
          `export class Venue {\n  close() {\n${body(MAX_LINES + 1)}\n  }\n}`,
          `export const arrow = () => {\n${body(MAX_LINES + 1)}\n};`,
        ].join("\n"),
      );
      const found = tooLong([file], root).map((f) => [f.where.replace(/:\d+/, ""), f.lines]);
      expect(found).toEqual([
        ["long.ts long", MAX_LINES + 1],
        ["long.ts close", MAX_LINES + 1],
        ["long.ts arrow", MAX_LINES + 1],
      ]);
    });
  });
});
