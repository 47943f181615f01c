import { errorBody } from "@stratdeck/core/api/error-body";
import { ConfigError } from "@stratdeck/core/config";
import { TradingRefusedError } from "@stratdeck/core/guard";
import { PortUnavailableError, StackRefusedError } from "../local/stack-errors";
import { StateStoreError } from "../local/store-errors";
import { CliError, cliFailure, EXIT, printFailure, type CliFailure } from "./cli-errors";
import type { CommonOptions } from "./output";
import { ExitCode } from "./output";
import { commandError, guardUncaught } from "./state-errors";

export { EXIT, OptionError } from "./cli-errors";

/**
 * Errors known by name only: their modules (the wiring, the strategies) are not loaded by every
 * command, and importing them here would load them for `sim`, `config` and `--help` too.
 */
const BY_NAME: Record<string, { code: string; exit: number }> = {
  StateLockedError: { code: "state-locked", exit: EXIT.failure },
  IdeasRequestError: { code: "invalid-request", exit: EXIT.badConfig },
  StrategiesConfigError: { code: "invalid-configuration", exit: EXIT.badConfig },
};

/** The `issues` list an error carries (a strategies file's problems, each with path and line). */
function issuesOf(err: Error): Record<string, unknown> {
  const issues = (err as { issues?: unknown }).issues;
  return Array.isArray(issues) ? { issues } : {};
}

/** The error contract of an error that reached the top of a command: exit code and JSON body. */
export function failureOf(err: unknown): CliFailure {
  if (err instanceof CliError) return cliFailure(err);
  const e = err instanceof Error ? err : new Error(String(err));
  if (err instanceof ConfigError)
    return {
      exit: EXIT.badConfig,
      body: errorBody("invalid-configuration", e.message, { issues: err.issues }),
    };
  if (err instanceof PortUnavailableError)
    return { exit: EXIT.badConfig, body: errorBody("port-unavailable", e.message) };
  if (err instanceof TradingRefusedError)
    return { exit: EXIT.refused, body: errorBody("trading-refused", e.message) };
  if (err instanceof StateStoreError)
    return {
      exit: err.code === "state-unwritable" ? EXIT.badConfig : EXIT.failure,
      body: errorBody(err.code, err.message, err.details()),
    };
  if (err instanceof StackRefusedError)
    return { exit: EXIT.failure, body: errorBody("stack-running", e.message) };
  const named = BY_NAME[e.name];
  if (named) return { exit: named.exit, body: errorBody(named.code, e.message, issuesOf(e)) };
  return { exit: EXIT.failure, body: errorBody("failure", e.message) };
}

/** The exit code of an error that reached the top of a command. */
export function exitCodeOf(err: unknown): number {
  return err instanceof ExitCode ? err.code : failureOf(err).exit;
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
 * Wraps a command action: turns any failure into the one error contract (the JSON error body on
 * stdout with `--json`, else one `stratdeck: <message>` line on stderr) and its exit code, instead
 * of a stack trace.
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
      printFailure(failureOf(err), opts.json === true);
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
