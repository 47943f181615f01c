import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { build } from "esbuild";
import type { BenchSection } from "../section";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const SAMPLES = Number(process.env.BENCH_HANDLER_SAMPLES ?? 9);
const BASELINE = "baseline:document-client-only";

/** Every deployed handler, as SST bundles it (packages/functions/src/<name>.ts). */
const HANDLERS = [
  "jobs/ideas",
  "jobs/exits",
  "jobs/health",
  "jobs/settle",
  "api/positions",
  "api/orders",
  "api/history",
  "api/alerts",
  "api/ideas",
  "api/health",
  "api/close-position",
  "api/authorizer",
];

/** A handler that only builds a DynamoDB DocumentClient: the floor every data handler pays. */
const BASELINE_SOURCE = `
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ region: "us-east-1" }));
export const handler = async () => ({ ok: Boolean(doc) });
`;

/** The `require` shim SST puts in front of ESM bundles (some dependencies are CommonJS). */
const BANNER = `import { createRequire as topLevelCreateRequire } from "module";const require = topLevelCreateRequire(import.meta.url);`;

/** One handler's measurement. */
export interface HandlerFigure {
  name: string;
  /** Minified ESM bundle, bytes. */
  bytes: number;
  /** Median time to import the bundle in a fresh node process, ms. */
  importMs: number;
  /** `importMs` over the DocumentClient-only baseline's. */
  ratioVsDocumentClientOnly: number;
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

async function importMs(file: string): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const { stdout } = await run(
      process.execPath,
      ["--input-type=module", "-e", PROBE, pathToFileURL(file).href],
      {
        env: { PATH: process.env.PATH ?? "", AWS_REGION: "us-east-1", STRATDECK_LOG_LEVEL: "ERROR" },
      },
    );
    samples.push(Number(stdout));
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

/** `handlers`: bundle size and cold import time of each Lambda handler against a DocumentClient-only bundle. */
export const handlersSection: BenchSection = {
  key: "handlers",
  title: `Lambda handlers: esbuild bundle (minified ESM, node22) and cold import, median of ${SAMPLES}`,
  async run() {
    const dir = await mkdtemp(path.join(tmpdir(), "stratdeck-bench-handlers-"));
    try {
      const baseFile = path.join(dir, "baseline.mjs");
      const baseBytes = await bundle({ source: BASELINE_SOURCE }, baseFile);
      const baseMs = await importMs(baseFile);
      const figures: HandlerFigure[] = [
        { name: BASELINE, bytes: baseBytes, importMs: round(baseMs), ratioVsDocumentClientOnly: 1 },
      ];
      for (const name of HANDLERS) {
        const out = path.join(dir, `${name.replace("/", "-")}.mjs`);
        const bytes = await bundle({ file: path.join(ROOT, "packages/functions/src", `${name}.ts`) }, out);
        const ms = await importMs(out);
        figures.push({ name, bytes, importMs: round(ms), ratioVsDocumentClientOnly: round(ms / baseMs) });
      }
      return { json: figures, human: table(figures) };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};

const round = (x: number) => Math.round(x * 100) / 100;

function table(rows: HandlerFigure[]): string {
  const head = `${"handler".padEnd(32)} ${"bundle KB".padStart(10)} ${"import ms".padStart(10)} ${"× baseline".padStart(11)}`;
  const lines = rows.map(
    (r) =>
      `${r.name.padEnd(32)} ${(r.bytes / 1024).toFixed(0).padStart(10)} ${r.importMs.toFixed(1).padStart(10)} ${r.ratioVsDocumentClientOnly.toFixed(2).padStart(11)}`,
  );
  return [head, ...lines].join("\n");
}
