import { readFileSync, statSync, utimesSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildBundle, freshBundle } from "../../../packages/cli/build/bundle.mjs";
import { COMMANDS } from "../../../packages/cli/src/commands/index";

const ROOT = join(import.meta.dirname, "..", "..", "..");

describe("the CLI bundle", () => {
  it("loads each command's code only when that command runs (a dynamic import per command)", async () => {
    const entry = freshBundle() ?? (await buildBundle());
    const main = readFileSync(entry, "utf8");
    const staticImports = [...main.matchAll(/^import .* from "\.\/([^"]+)";$/gm)].map((m) => m[1]!);
    for (const c of COMMANDS) {
      expect(main).toContain(`import("./${c.name}-`);
      expect(staticImports.some((f) => f.startsWith(`${c.name}-`))).toBe(false);
    }
    // The phone page is read next to the code that serves it.
    expect(readFileSync(join(dirname(entry), "phone-page.html"), "utf8")).toContain("<html");
  }, 120_000);

  it("is stale as soon as one of its sources is newer, so the bin rebuilds it before running", async () => {
    const entry = freshBundle() ?? (await buildBundle());
    expect(freshBundle()).toBe(entry);
    const source = join(ROOT, "packages", "cli", "src", "support", "invoked-command.ts");
    const { atime, mtime } = statSync(source);
    try {
      utimesSync(source, atime, new Date(Date.now() + 60_000));
      expect(freshBundle()).toBeNull();
    } finally {
      utimesSync(source, atime, mtime);
    }
    expect(freshBundle()).toBe(entry);
  }, 120_000);
});
