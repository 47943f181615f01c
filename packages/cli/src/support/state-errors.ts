import { dirname } from "node:path";
import { StateFolderUnwritableError } from "@stratdeck/core/wiring";
import { EngineFault, lastEngineFault } from "../local/engines/level-hook";
import { StateStoreError, stateUnwritable, storeDamaged, storeIoFailed } from "../local/store-errors";

const UNWRITABLE = new Set(["EROFS", "EACCES", "EPERM"]);

/** A StateStoreError for an embedded-engine fault. */
function fromFault(f: EngineFault): StateStoreError {
  return /corrupt/i.test(f.message)
    ? storeDamaged(f.folder, f.message)
    : storeIoFailed(f.folder, f.code, f.message);
}

/**
 * The error a command reports for `err`: an embedded-engine fault during the run (disk full,
 * I/O error, damaged block) or a file-system error on the state folder becomes a
 * {@link StateStoreError} naming the folder, what is wrong and how to recover; anything else is
 * returned unchanged. The engine fault wins over the SDK error it caused (a 500 after retries).
 */
export function commandError(err: unknown): unknown {
  if (err instanceof StateStoreError) return err;
  if (err instanceof StateFolderUnwritableError) return stateUnwritable(err.stateDir, err.reason, true);
  if (err instanceof EngineFault) return fromFault(err);
  const fault = lastEngineFault();
  if (fault) return fromFault(fault);
  const e = err as NodeJS.ErrnoException | undefined;
  if (e?.code && e.path && UNWRITABLE.has(e.code))
    return stateUnwritable(dirname(e.path), `${e.code} on ${e.path}`);
  if (e?.code === "ENOSPC" && e.path)
    return storeIoFailed(dirname(e.path), "ENOSPC", `no space left on device writing ${e.path}`);
  return err;
}

/**
 * While a command runs, an error thrown outside its promise chain (an engine callback, a socket)
 * is reported as the command's one error instead of a raw stack trace: `report` prints it, then
 * the process exits 1. Returns the remover.
 */
export function guardUncaught(report: (err: unknown) => void): () => void {
  const onError = (err: unknown): void => {
    report(err);
    process.exit(process.exitCode && process.exitCode !== 0 ? process.exitCode : 1);
  };
  process.on("uncaughtException", onError);
  process.on("unhandledRejection", onError);
  return () => {
    process.off("uncaughtException", onError);
    process.off("unhandledRejection", onError);
  };
}
