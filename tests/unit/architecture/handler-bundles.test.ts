import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build, type BuildOptions, type Metafile } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Every Lambda handler bundled as SST bundles it and as `npm run bench -- --only handlers` measures it
// (bench/sections/handlers.ts): what a bundle holds is what its cold start pays to import.

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const FUNCTIONS = path.join(ROOT, "packages/functions/src");

/** The bench's build options (bench/sections/handlers.ts), without writing the bundle. */
const OPTIONS: BuildOptions = {
  bundle: true,
  minify: true,
  format: "esm",
  platform: "node",
  target: "node22",
  banner: {
    js: `import { createRequire as topLevelCreateRequire } from "module";const require = topLevelCreateRequire(import.meta.url);`,
  },
  metafile: true,
  logLevel: "silent",
};

/** Dependencies no handler may bundle: zod's classic build (~90 KB; handlers use zod/mini) and YAML. */
const FORBIDDEN = [
  { pattern: "node_modules/zod/v4/classic/", why: "zod classic; core and functions import zod/mini" },
  { pattern: "node_modules/yaml/", why: "the YAML parser; Lambdas read the compiled strategies JSON" },
];

/**
 * The WebSocket client (`ws`) only where a handler opens a socket. Exact: a handler listed here that
 * no longer bundles `ws` fails too, so the list cannot outlive its reason.
 */
const WS_ALLOWED: Record<string, string> = {
  "jobs/health": "the health job probes DXLink over a WebSocket (health/tasty-health → dxlink/probe)",
};

/** `api/<name>` and `jobs/<name>` of every module under functions/src/{api,jobs} exporting `handler`. */
async function handlerNames(): Promise<string[]> {
  const names: string[] = [];
  for (const dir of ["api", "jobs"]) {
    for (const file of (await readdir(path.join(FUNCTIONS, dir))).filter((f) => f.endsWith(".ts"))) {
      const source = await readFile(path.join(FUNCTIONS, dir, file), "utf8");
      if (/^export (const|async function|function) handler\b/m.test(source))
        names.push(`${dir}/${file.slice(0, -3)}`);
    }
  }
  return names.sort();
}

/** Files each handler's bundle reaches (its metafile inputs), by handler name. */
const inputs = new Map<string, string[]>();
/** The bundled `api/http-event` module, as written to disk for the message test. */
let httpEventBundle = "";
let dir = "";

/** Every file reachable from `entry` through the import graph of a metafile. */
function reachable(meta: Metafile, entry: string): string[] {
  const seen = new Set([entry]);
  const todo = [entry];
  for (let file = todo.pop(); file !== undefined; file = todo.pop()) {
    for (const i of meta.inputs[file]?.imports ?? []) {
      if (i.external || seen.has(i.path)) continue;
      seen.add(i.path);
      todo.push(i.path);
    }
  }
  return [...seen];
}

// One build with every handler as an entry point (esbuild parses each shared file once: a few
// seconds instead of one build per handler); each handler's inputs are what its entry reaches,
// which is exactly the `inputs` of a build of that handler alone.
beforeAll(async () => {
  const names = await handlerNames();
  const entry = (name: string) => path.join(FUNCTIONS, `${name}.ts`);
  dir = await mkdtemp(path.join(tmpdir(), "stratdeck-handler-bundles-"));
  const r = await build({
    ...OPTIONS,
    entryPoints: Object.fromEntries([...names, "api/http-event"].map((n) => [n, entry(n)])),
    outdir: dir,
    outExtension: { ".js": ".mjs" },
    write: false,
  });
  const meta = r.metafile as Metafile;
  for (const name of names) inputs.set(name, reachable(meta, path.relative(ROOT, entry(name))));
  httpEventBundle = path.join(dir, "api/http-event.mjs");
  const out = r.outputFiles.find((f) => f.path === httpEventBundle);
  if (!out) throw new Error("no bundle of api/http-event");
  await mkdir(path.dirname(httpEventBundle), { recursive: true });
  await writeFile(httpEventBundle, out.contents);
}, 120_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("Lambda handler bundles", () => {
  it("finds every handler (the API routes, the authorizer and the five jobs)", () => {
    const names = [...inputs.keys()];
    expect(names).toContain("api/authorizer");
    expect(names.filter((n) => n.startsWith("jobs/")).sort()).toEqual(
      ["jobs/exits", "jobs/health", "jobs/ideas", "jobs/reconcile", "jobs/settle"].sort(),
    );
    expect(names.filter((n) => n.startsWith("api/")).length).toBeGreaterThanOrEqual(9);
  });

  it("no handler bundles zod classic or the YAML parser", () => {
    const found = [...inputs].flatMap(([name, files]) =>
      FORBIDDEN.flatMap(({ pattern, why }) =>
        files.some((f) => f.includes(pattern)) ? [`${name}: ${pattern} (${why})`] : [],
      ),
    );
    expect(found).toEqual([]);
  });

  it("only the allow-listed jobs bundle the WebSocket client, and each of them does", () => {
    const withWs = [...inputs]
      .filter(([, files]) => files.some((f) => f.includes("node_modules/ws/")))
      .map(([name]) => name)
      .sort();
    expect(withWs).toEqual(Object.keys(WS_ALLOWED).sort());
  });

  it("every bundle holding zod holds its English messages, and only zod/mini", () => {
    for (const [name, files] of inputs) {
      if (!files.some((f) => f.includes("node_modules/zod/"))) continue;
      expect(files, name).toContain("node_modules/zod/v4/locales/en.js");
      expect(
        files.some((f) => f.includes("node_modules/zod/v4/mini/")),
        name,
      ).toBe(true);
    }
  });
});

describe("a bundled handler's validation messages", () => {
  // A bundle has its own copy of zod, so nothing loaded by the test process (zod classic sets English
  // for itself) can supply the messages: they come from the bundle's own zod/mini configuration.
  it("are English and name the field (event parsing of the API handlers)", async () => {
    const mod = (await import(pathToFileURL(httpEventBundle).href)) as {
      toApiRequest: (event: unknown) => { ok: boolean; message?: string };
    };
    const r = mod.toApiRequest({ rawPath: 42, requestContext: { http: { method: "" } } });
    expect(r.ok).toBe(false);
    expect(r.message).toBe(
      "event.rawPath: Invalid input: expected string, received number; " +
        "event.requestContext.http.method: Too small: expected string to have >=1 characters",
    );
  });
});
