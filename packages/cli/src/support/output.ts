import { isoTimes } from "@stratdeck/core/api/responses";

/** Options every command accepts. */
export interface CommonOptions {
  /** Print one JSON document on stdout instead of the human summary. */
  json?: boolean;
}

/**
 * Prints a command's result: one JSON document on stdout with `--json` (instants as ISO 8601, see
 * {@link isoTimes}), otherwise the human text.
 * Logs never go to stdout (they go to stderr, see cliLogger).
 */
export function emit<T>(result: T, opts: CommonOptions, human: (r: T) => string): void {
  if (opts.json) process.stdout.write(JSON.stringify(result, isoTimes, 2) + "\n");
  else process.stdout.write(human(result).replace(/\n?$/, "\n"));
}

/** Thrown by a command to exit with a status code after printing its result. */
export class ExitCode extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}
