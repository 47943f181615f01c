import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Temporary folders for one test file: `fresh()` makes one, `cleanup()` removes them all. */
export function tempDirs(prefix: string): { fresh: () => string; cleanup: () => void } {
  const dirs: string[] = [];
  return {
    fresh: () => {
      const d = mkdtempSync(join(tmpdir(), prefix));
      dirs.push(d);
      return d;
    },
    cleanup: () => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })),
  };
}
