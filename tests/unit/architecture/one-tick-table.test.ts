import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** Every .ts file under `dir`. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

/** A literal index tick table: `{ value: 0.05, threshold: 3 }` and the like. */
const LITERAL_TICKS = /\{\s*value:\s*0?\.05,\s*threshold:\s*3(\.0+)?\s*\}/;

describe("one tick table", () => {
  it("the fallback index tick table is written once (market-data/option-chain.ts DEFAULT_INDEX_TICKS)", () => {
    const files = ["packages/core/src", "packages/sim/src", "packages/cli/src"].flatMap(sources);
    const literal = files.filter((f) => LITERAL_TICKS.test(readFileSync(f, "utf8")));
    expect(literal).toEqual([join("packages/core/src/market-data/option-chain.ts")]);
  });
});
