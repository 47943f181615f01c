import type { LogFormat } from "@stratdeck/core/log";

/** Program-wide choices of this invocation (set once, before the command runs). */
export interface CliContext {
  /** `--ephemeral`: in-memory tables for this run only. */
  ephemeral: boolean;
  /** The command's name (recorded in the state folder's lock while it holds it). */
  command: string;
  /** The command prints JSON (`--json`). */
  json: boolean;
  /** Format of the log lines on stderr (see {@link chooseLogFormat} in cli-log.ts). */
  logFormat: LogFormat;
  /** `--quiet`: no log lines at all (the command's own output and error message still print). */
  quiet: boolean;
  /** STRATDECK_LOG_LEVEL was set explicitly (human lines then follow it instead of WARN and above). */
  levelChosen: boolean;
}

const context: CliContext = {
  ephemeral: false,
  command: "command",
  json: false,
  logFormat: "json",
  quiet: false,
  levelChosen: false,
};

/** Records the invocation's choices (main.ts, in a pre-action hook). */
export function setCliContext(c: Partial<CliContext>): void {
  Object.assign(context, c);
}

/** The invocation's choices. */
export function cliContext(): Readonly<CliContext> {
  return context;
}
