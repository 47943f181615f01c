/** Program-wide choices of this invocation (set once, before the command runs). */
export interface CliContext {
  /** `--ephemeral`: in-memory tables for this run only. */
  ephemeral: boolean;
  /** The command's name (recorded in the state folder's lock while it holds it). */
  command: string;
  /** The command prints JSON (`--json`). */
  json: boolean;
}

const context: CliContext = { ephemeral: false, command: "command", json: false };

/** Records the invocation's choices (main.ts, in a pre-action hook). */
export function setCliContext(c: Partial<CliContext>): void {
  Object.assign(context, c);
}

/** The invocation's choices. */
export function cliContext(): Readonly<CliContext> {
  return context;
}
