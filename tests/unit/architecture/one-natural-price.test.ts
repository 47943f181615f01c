import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** Every .ts file under `dir`. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

/** A choice between a leg's bid and its ask (`sell ? l.bid : l.ask`, `? q.bid : -q.ask` and the like). */
const BID_OR_ASK = /\?\s*-?[\w.]*\b(bid|ask)\s*:\s*-?[\w.]*\b(ask|bid)\b/;

const HOME = join("packages/core/src/pricing/natural-price.ts");

describe("one natural price", () => {
  it("only core's pricing/natural-price.ts picks a leg's bid or ask by side (the live entry, the live close and the simulator call it)", () => {
    const files = [
      "packages/core/src",
      "packages/sim/src",
      "packages/cli/src",
      "packages/functions/src",
    ].flatMap(sources);
    const choosers = files.filter((f) => BID_OR_ASK.test(readFileSync(f, "utf8")));
    expect(choosers).toEqual([HOME]);
  });
});
