import { errorBody, type ErrorBody } from "@stratdeck/core/api/error-body";

/**
 * Exit codes of every command (README's table): 0 ok, 1 failure, 2 invalid usage or configuration
 * (an unknown command or option, a bad option value, an unknown strategy, an invalid variable),
 * 3 refused by the trading guard, 4 not found (an id that names nothing).
 */
export const EXIT = { ok: 0, failure: 1, badConfig: 2, refused: 3, notFound: 4 } as const;

/** A failure with its stable error code, exit code and details (the one error contract). */
export class CliError extends Error {
  override readonly name: string = "CliError";
  constructor(
    /** Stable kebab-case code, e.g. `not-found`. */
    readonly code: string,
    message: string,
    /** Exit code, one of {@link EXIT}. */
    readonly exit: number,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** A bad command-line option (exit 2), naming it; `invalid-option` unless a finer code is given. */
export class OptionError extends CliError {
  override readonly name: string = "OptionError";
  constructor(message: string, code = "invalid-option", details: Record<string, unknown> = {}) {
    super(code, message, EXIT.badConfig, details);
  }
}

/** An id that names nothing (exit 4). */
export class NotFoundError extends CliError {
  override readonly name: string = "NotFoundError";
  constructor(message: string, details: Record<string, unknown> = {}) {
    super("not-found", message, EXIT.notFound, details);
  }
}

/** What a failed command prints and exits with. */
export interface CliFailure {
  exit: number;
  body: ErrorBody;
}

/** The failure of a {@link CliError}. */
export function cliFailure(err: CliError): CliFailure {
  return { exit: err.exit, body: errorBody(err.code, err.message, err.details) };
}

/** Stable codes of commander's usage errors (all exit 2). */
const COMMANDER_CODES: Record<string, string> = {
  "commander.unknownOption": "unknown-option",
  "commander.unknownCommand": "unknown-command",
  "commander.missingArgument": "missing-argument",
  "commander.optionMissingArgument": "missing-argument",
  "commander.missingMandatoryOptionValue": "missing-argument",
  "commander.invalidArgument": "invalid-option",
  "commander.excessArguments": "too-many-arguments",
  "commander.conflictingOption": "invalid-option",
  "commander.help": "missing-command",
};

/** A commander usage error as the error contract (`help` and `--version` are not failures: null). */
export function commanderFailure(err: { code: string; message: string }): CliFailure | null {
  if (err.code === "commander.helpDisplayed" || err.code === "commander.version") return null;
  const code = COMMANDER_CODES[err.code] ?? "invalid-usage";
  const message = err.message.replace(/^error: /, "");
  return {
    exit: EXIT.badConfig,
    body: errorBody(code, message === "(outputHelp)" ? "no command given" : message),
  };
}

/** Prints a failure: the JSON error body on stdout with `--json`, else `stratdeck: <message>` on stderr. */
export function printFailure(f: CliFailure, json: boolean): void {
  if (json) process.stdout.write(JSON.stringify(f.body, null, 2) + "\n");
  else process.stderr.write(`stratdeck: ${f.body.error.message}\n`);
}
