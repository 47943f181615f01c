import type { Command } from "commander";
import { SECTIONS } from "../../../../bench/index";
import { emit } from "../support/output";
import { action } from "../support/run";

/** `stratdeck bench`: runs every benchmark section; `--json` prints one document for all. */
export function registerBench(program: Command): void {
  program
    .command("bench")
    .description("run the benchmarks (ratios against baselines run in the same process)")
    .option("--json", "print one JSON document for all sections")
    .option("--only <keys>", "comma-separated section keys to run")
    .action(
      action(async (opts: { json?: boolean; only?: string }) => {
        const only = opts.only ? new Set(opts.only.split(",")) : null;
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
