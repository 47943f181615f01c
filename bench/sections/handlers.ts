import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { build } from "esbuild";
import type { BenchSection } from "../section";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const SAMPLES = Math.max(15, Number(process.env.BENCH_HANDLER_SAMPLES ?? 15));
const BASELINE = "baseline:document-client-only";

/**
 * Every deployed handler, as SST bundles it (packages/functions/src/<name>.ts), from the stacks'
 * own lists: each scheduled job, each API route, and the authorizer. A new route or job is
 * measured without editing this file.
 */
async function deployedHandlers(): Promise<string[]> {
  const [{ API_ROUTES }, { SCHEDULES }] = await Promise.all([
    import("../../stacks/api"),
    import("@stratdeck/core/orchestrator"),
  ]);
  const routes = [...new Set(Object.values(API_ROUTES).map((r) => `api/${r.file}`))];
  return [...SCHEDULES.map((s) => `jobs/${s.job}`), ...routes, "api/authorizer"];
}

/** A handler that only builds a DynamoDB DocumentClient: the floor every data handler pays. */
const BASELINE_SOURCE = `
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ region: "us-east-1" }));
export const handler = async () => ({ ok: Boolean(doc) });
`;

/** The `require` shim SST puts in front of ESM bundles (some dependencies are CommonJS). */
const BANNER = `import { createRequire as topLevelCreateRequire } from "module";const require = topLevelCreateRequire(import.meta.url);`;

/** Import-time budgets over the baseline: API handlers (and the authorizer) and scheduled jobs. */
const BUDGET = { api: 1.3, jobs: 1.5 } as const;

/** One handler's measurement. */
export interface HandlerFigure {
  name: string;
  /** Minified ESM bundle, bytes. */
  bytes: number;
  /** Median time to import the bundle in a fresh node process, ms. */
  importMs: number;
  /**
   * Median over the samples of this handler's import time over the baseline's import measured just
   * before it (interleaved, so machine load moves both alike).
   */
  ratioVsDocumentClientOnly: number;
  /** Largest ratio allowed (1 for the baseline itself). */
  budget: number;
  withinBudget: boolean;
}

async function bundle(entry: { file: string } | { source: string }, outfile: string): Promise<number> {
  const r = await build({
    ...("file" in entry
      ? { entryPoints: [entry.file] }
      : { stdin: { contents: entry.source, resolveDir: ROOT, loader: "js" } }),
    outfile,
    bundle: true,
    minify: true,
    format: "esm",
    platform: "node",
    target: "node22",
    banner: { js: BANNER },
    metafile: true,
    logLevel: "silent",
  });
  return Object.values(r.metafile.outputs)[0]?.bytes ?? 0;
}

const run = promisify(execFile);
// Timed inside the child so process start-up is excluded; a clean env, as on a cold Lambda.
const PROBE = `const t=performance.now();await import(process.argv[1]);process.stdout.write(String(performance.now()-t));`;

async function importOnce(file: string): Promise<number> {
  const { stdout } = await run(
    process.execPath,
    ["--input-type=module", "-e", PROBE, pathToFileURL(file).href],
    {
      env: { PATH: process.env.PATH ?? "", AWS_REGION: "us-east-1", STRATDECK_LOG_LEVEL: "ERROR" },
    },
  );
  return Number(stdout);
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** `handlers`: bundle size and cold import time of each Lambda handler against a DocumentClient-only bundle. */
export const handlersSection: BenchSection = {
  key: "handlers",
  title: `Lambda handlers: esbuild bundle (minified ESM, node22) and cold import, interleaved with the baseline, median of ${SAMPLES}; budget API ≤ ${BUDGET.api}×, jobs ≤ ${BUDGET.jobs}×`,
  async run() {
    const dir = await mkdtemp(path.join(tmpdir(), "stratdeck-bench-handlers-"));
    try {
      const baseFile = path.join(dir, "baseline.mjs");
      const baseBytes = await bundle({ source: BASELINE_SOURCE }, baseFile);
      const outs: Array<{ name: string; file: string; bytes: number }> = [];
      for (const name of await deployedHandlers()) {
        const file = path.join(dir, `${name.replace("/", "-")}.mjs`);
        outs.push({
          name,
          file,
          bytes: await bundle({ file: path.join(ROOT, "packages/functions/src", `${name}.ts`) }, file),
        });
      }
      // Rounds of (baseline, handler) pairs over every handler, so load drifts hit both alike.
      const base: number[] = [];
      const samples = new Map(outs.map((o) => [o.name, { ms: [] as number[], ratios: [] as number[] }]));
      for (let i = 0; i < SAMPLES; i++) {
        for (const o of outs) {
          const b = await importOnce(baseFile);
          const h = await importOnce(o.file);
          base.push(b);
          samples.get(o.name)!.ms.push(h);
          samples.get(o.name)!.ratios.push(h / b);
        }
      }
      const figures: HandlerFigure[] = [
        {
          name: BASELINE,
          bytes: baseBytes,
          importMs: round(median(base)),
          ratioVsDocumentClientOnly: 1,
          budget: 1,
          withinBudget: true,
        },
      ];
      for (const o of outs) {
        const s = samples.get(o.name)!;
        const ratio = round(median(s.ratios));
        const budget = o.name.startsWith("jobs/") ? BUDGET.jobs : BUDGET.api;
        figures.push({
          name: o.name,
          bytes: o.bytes,
          importMs: round(median(s.ms)),
          ratioVsDocumentClientOnly: ratio,
          budget,
          withinBudget: ratio <= budget,
        });
      }
      return { json: figures, human: table(figures) };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};

const round = (x: number) => Math.round(x * 100) / 100;

function table(rows: HandlerFigure[]): string {
  const head = `${"handler".padEnd(32)} ${"bytes".padStart(10)} ${"import ms".padStart(10)} ${"× baseline".padStart(11)} ${"budget".padStart(7)}`;
  const lines = rows.map(
    (r) =>
      `${r.name.padEnd(32)} ${String(r.bytes).padStart(10)} ${r.importMs.toFixed(1).padStart(10)} ${r.ratioVsDocumentClientOnly.toFixed(2).padStart(11)} ${`≤ ${r.budget}`.padStart(7)}${r.withinBudget ? "" : "  OVER"}`,
  );
  return [head, ...lines].join("\n");
}
