import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Log } from "@stratdeck/core/log";
import { writeLocalStack, type LocalStackInfo } from "@stratdeck/core/wiring";

/**
 * Writes `stack.json` and keeps it while the stack runs: when the file disappears (a cleanup
 * script, a sync tool), it is written again within `everyMs` (default 1 000), so commands keep
 * joining the stack instead of waiting out its lock. Returns the stopper.
 */
export function keepStackFile(stateDir: string, info: LocalStackInfo, log: Log, everyMs = 1_000): () => void {
  writeLocalStack(stateDir, info);
  const timer = setInterval(() => {
    if (existsSync(join(stateDir, "stack.json"))) return;
    try {
      writeLocalStack(stateDir, info);
      log.warn("stack.file-restored", {
        stateDir,
        detail: "stack.json was missing while the stack runs; written again",
      });
    } catch (err) {
      log.error("stack.file-restore-failed", { stateDir, error: err });
    }
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
