import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Command } from "commander";
import type { BenchSection } from "../../../../bench/section";
import { emit } from "../support/output";
import { action } from "../support/run";

/** `stratdeck bench`: runs every benchmark section; `--json` prints one document for all. */
export function registerBench(command: Command): void {
  command
    .option("--json", "print one JSON document for all sections")
    .option("--only <keys>", "comma-separated section keys to run")
    .action(
      action(async (opts: { json?: boolean; only?: string }) => {
        const only = opts.only ? new Set(opts.only.split(",")) : null;
        const SECTIONS = await benchSections();
        const json: Record<string, unknown> = {};
        const human: string[] = [];
        for (const s of SECTIONS) {
          if (only && !only.has(s.key)) continue;
          const r = await s.run();
          json[s.key] = r.json;
          human.push(`## ${s.title}\n${r.human}`);
        }
        emit(json, opts, () => human.join("\n\n") || "no benchmark sections");
      }),
    );
}

/**
 * The bench sections, run from the checkout's TypeScript sources (through tsx, as a development
 * tool: they build handler bundles and start stacks relative to their own files), not the CLI bundle.
 */
async function benchSections(): Promise<BenchSection[]> {
  let dir = import.meta.dirname;
  while (!existsSync(join(dir, "bench", "index.ts"))) {
    if (dirname(dir) === dir) throw new Error("stratdeck bench runs from a checkout with a bench/ folder");
    dir = dirname(dir);
  }
  const { register } = await import("tsx/esm/api");
  register();
  const mod = (await import(pathToFileURL(join(dir, "bench", "index.ts")).href)) as {
    SECTIONS: BenchSection[];
  };
  return mod.SECTIONS;
}
