#!/usr/bin/env node
// Runs the prebuilt CLI bundle (packages/cli/dist, built by `npm install`), rebuilding it first
// when a source file is newer than it. Where it cannot be built (no esbuild, a read-only folder) or
// with STRATDECK_CLI_FROM_SOURCE=1, runs the TypeScript sources through tsx instead.
import process from "node:process";
import { pathToFileURL } from "node:url";
import { buildBundle, freshBundle } from "../build/bundle.mjs";

const CANNOT_BUILD = new Set(["ERR_MODULE_NOT_FOUND", "EACCES", "EROFS", "EPERM"]);

async function bundleEntry() {
  if (process.env.STRATDECK_CLI_FROM_SOURCE === "1") return null;
  const fresh = freshBundle();
  if (fresh) return fresh;
  try {
    return await buildBundle();
  } catch (err) {
    if (CANNOT_BUILD.has(err?.code)) return null;
    throw err;
  }
}

const entry = await bundleEntry();
if (entry) {
  await import(pathToFileURL(entry).href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../src/main.ts");
}
