import { ConfigError } from "@stratdeck/core/config";
import type { CommonOptions } from "./output";
import { ExitCode } from "./output";

/**
 * Wraps a command action: turns a ConfigError or any failure into one clear message (JSON with
 * `--json`) and a non-zero exit code instead of a stack trace.
 */
export function action<A extends unknown[]>(
  fn: (...args: A) => Promise<void>,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    const opts = (args.find(
      (a) => a && typeof a === "object" && !Array.isArray(a) && "json" in (a as object),
    ) ?? {}) as CommonOptions;
    try {
      await fn(...args);
    } catch (err) {
      if (err instanceof ExitCode) {
        process.exitCode = err.code;
        return;
      }
      const e = err as Error;
      const payload =
        err instanceof ConfigError
          ? { ok: false, error: "invalid-configuration", issues: err.issues }
          : { ok: false, error: e.name ?? "Error", message: e.message };
      if (opts.json) process.stdout.write(JSON.stringify(payload, null, 2) + "\n");
      else process.stderr.write(`stratdeck: ${e.message}\n`);
      process.exitCode = err instanceof ConfigError ? 2 : 1;
    }
  };
}
