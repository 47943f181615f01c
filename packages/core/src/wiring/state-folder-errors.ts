/** File-system error codes that mean "this folder cannot be written". */
const UNWRITABLE = new Set(["EROFS", "EACCES", "EPERM"]);

/** True when `err` says a path cannot be written (read-only file system, no permission). */
export function isUnwritable(err: unknown): err is NodeJS.ErrnoException {
  return UNWRITABLE.has((err as NodeJS.ErrnoException | undefined)?.code ?? "");
}

/** The state folder cannot be written: no lock, no engine (exit 2 in the CLI). */
export class StateFolderUnwritableError extends Error {
  override readonly name = "StateFolderUnwritableError";
  constructor(
    readonly stateDir: string,
    readonly reason: string,
  ) {
    super(`state folder ${stateDir} is not writable (${reason})`);
  }
}
