import { spawnSync } from "node:child_process";
import type { BenchSection } from "../section";
import { CLI, cliEnv } from "../../tests/support/cli-process";
import { startStackProcess } from "../support/stack-process";

/**
 * Budgets as ratios to `node -e ''` (the same machine's bare Node start, ~40 ms when quiet): the
 * targets of 0.3 s for `--help` and 1 s for `positions` against a running stack, over 40 ms.
 */
export const CLI_BUDGET = { helpRatio: 7.5, positionsRatio: 25 };

const RUNS = 5;

/** Median wall seconds of `node ...args` over {@link RUNS} runs (after one unmeasured run). */
function medianSeconds(args: string[], env: Record<string, string> = {}): number {
  const times: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { env: cliEnv(env), stdio: ["ignore", "ignore", "pipe"] });
    if (r.status !== 0) throw new Error(`node ${args.join(" ")} exited ${r.status}: ${String(r.stderr)}`);
    if (i > 0) times.push((performance.now() - t0) / 1000);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const round = (n: number, digits: number): number => Number(n.toFixed(digits));

/**
 * `cli`: how quickly the CLI answers, from its prebuilt bundle: `stratdeck --help`, and
 * `stratdeck positions` joining a running local stack (a `start` on a temporary folder), each as the
 * median of 5 runs and as a ratio to `node -e ''` measured alongside, beside the budget.
 */
export const cliSection: BenchSection = {
  key: "cli",
  title: "CLI response (median of 5 runs, ratio to node -e '')",
  run: async () => {
    const nodeSeconds = medianSeconds(["-e", ""]);
    const helpSeconds = medianSeconds([CLI, "--help"]);
    const stack = await startStackProcess();
    let positionsSeconds: number;
    try {
      positionsSeconds = medianSeconds([CLI, "positions", "--quiet"], {
        STRATDECK_STATE_DIR: stack.stateDir,
      });
    } finally {
      await stack.stop();
    }
    const json = {
      nodeSeconds: round(nodeSeconds, 3),
      helpSeconds: round(helpSeconds, 3),
      positionsSeconds: round(positionsSeconds, 3),
      helpRatio: round(helpSeconds / nodeSeconds, 1),
      positionsRatio: round(positionsSeconds / nodeSeconds, 1),
    };
    const row = (name: string, s: number, ratio: number, budget: number): string =>
      `${name.padEnd(22)} ${s.toFixed(3).padStart(7)} s ${ratio.toFixed(1).padStart(6)}x  budget < ${budget}x ${ratio < budget ? "ok" : "OVER"}`;
    const human = [
      `${"node -e ''".padEnd(22)} ${nodeSeconds.toFixed(3).padStart(7)} s`,
      row("stratdeck --help", helpSeconds, json.helpRatio, CLI_BUDGET.helpRatio),
      row("stratdeck positions", positionsSeconds, json.positionsRatio, CLI_BUDGET.positionsRatio),
    ].join("\n");
    return { json, human };
  },
};
