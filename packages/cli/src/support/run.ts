import { ConfigError } from "@stratdeck/core/config";
import { TradingRefusedError } from "@stratdeck/core/guard";
import { StateLockedError } from "@stratdeck/core/wiring";
import { PortUnavailableError, StackRefusedError } from "../local/stack-errors";
import { StateStoreError } from "../local/store-errors";
import type { CommonOptions } from "./output";
import { ExitCode } from "./output";
import { commandError, guardUncaught } from "./state-errors";

/** Exit codes of every command: 0 ok, 1 failure, 2 bad configuration, 3 refused by the guard. */
export const EXIT = { ok: 0, failure: 1, badConfig: 2, refused: 3 } as const;

/** Thrown for a bad command-line option: exit 2 with a message naming the option. */
export class OptionError extends Error {
  override readonly name: string = "OptionError";
}

/** The exit code of an error that reached the top of a command. */
export function exitCodeOf(err: unknown): number {
  if (err instanceof ExitCode) return err.code;
  if (err instanceof ConfigError || err instanceof OptionError || err instanceof PortUnavailableError)
    return EXIT.badConfig;
  if (err instanceof TradingRefusedError) return EXIT.refused;
  if (err instanceof StateStoreError) return err.code === "state-unwritable" ? EXIT.badConfig : EXIT.failure;
  if (err instanceof StackRefusedError || err instanceof StateLockedError) return EXIT.failure;
  return EXIT.failure;
}

/** Reason codes of an order outcome that mean the guard (not risk or the market) said no. */
const GUARD_CODES = new Set(["trading-refused", "no-live-gateway"]);

/** Exit 3 when the trading guard refused the run or any of its orders. */
export function exitIfGuardRefused(result: {
  decision: { mode: string };
  outcomes?: ReadonlyArray<{ reasons: ReadonlyArray<{ code: string }> }>;
}): void {
  const refused =
    result.decision.mode === "refused" ||
    (result.outcomes ?? []).some((o) => o.reasons.some((r) => GUARD_CODES.has(r.code)));
  if (refused) throw new ExitCode(EXIT.refused);
}

/**
 * Wraps a command action: turns any failure into one clear message (JSON with `--json`) and the
 * exit code of {@link exitCodeOf} instead of a stack trace.
 */
export function action<A extends unknown[]>(
  fn: (...args: A) => Promise<void>,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    const opts = (args.find((a) => a && typeof a === "object" && !Array.isArray(a) && "json" in a) ??
      {}) as CommonOptions;
    const report = (thrown: unknown): void => {
      const err = commandError(thrown);
      process.exitCode = exitCodeOf(err);
      if (err instanceof ExitCode) return;
      const e = err as Error;
      const payload =
        err instanceof ConfigError
          ? { ok: false, error: "invalid-configuration", issues: err.issues }
          : {
              ok: false,
              error: e.name ?? "Error",
              message: e.message,
              ...(err instanceof StateStoreError ? err.details() : {}),
            };
      if (opts.json) process.stdout.write(JSON.stringify(payload, null, 2) + "\n");
      else process.stderr.write(`stratdeck: ${e.message}\n`);
    };
    const unguard = guardUncaught(report);
    try {
      await fn(...args);
    } catch (err) {
      report(err);
    } finally {
      unguard();
    }
  };
}
