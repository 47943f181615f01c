import { dirname } from "node:path";
import { newestBackup } from "./backup/backup-files";

/** What kind of state-store failure: damaged files, an I/O failure (disk full), or no write access. */
export type StateStoreProblem = "state-damaged" | "state-io-error" | "state-unwritable";

/**
 * A state folder the embedded engine cannot use. The message names the folder, what is wrong and
 * how to recover; `recovery` and `backup` repeat those parts for a JSON error.
 */
export class StateStoreError extends Error {
  override readonly name = "StateStoreError";
  constructor(
    readonly code: StateStoreProblem,
    readonly folder: string,
    readonly problem: string,
    readonly recovery: string,
    readonly backup: string | null = null,
  ) {
    super(`${folder}: ${problem}. ${recovery}`);
  }

  /** The fields a JSON error carries besides the message. */
  details(): Record<string, unknown> {
    return {
      code: this.code,
      folder: this.folder,
      problem: this.problem,
      recovery: this.recovery,
      backup: this.backup,
    };
  }
}

/** How to recover a damaged store in `storeDir` (`<stateDir>/dynamodb`), naming the newest backup. */
function damagedRecovery(storeDir: string): { recovery: string; backup: string | null } {
  const backup = newestBackup(dirname(storeDir));
  const recovery = backup
    ? `Nothing was opened or changed. To recover, run: stratdeck restore ${backup} (it moves the damaged folder aside, never deletes it, and loads that backup)`
    : `Nothing was opened or changed, and there is no backup in ${dirname(storeDir)}/backups. Copy the folder somewhere safe; to start empty, move ${storeDir} aside`;
  return { recovery, backup };
}

/** The store in `storeDir` failed its integrity check (or LevelDB refused to open it). */
export function storeDamaged(storeDir: string, problem: string): StateStoreError {
  const { recovery, backup } = damagedRecovery(storeDir);
  return new StateStoreError(
    "state-damaged",
    storeDir,
    `the state store is damaged: ${problem}`,
    recovery,
    backup,
  );
}

/** LevelDB failed a read or write (`code` such as LEVEL_IO_ERROR; e.g. the disk is full). */
export function storeIoFailed(storeDir: string, code: string, detail: string): StateStoreError {
  const full = /no space|ENOSPC/i.test(detail);
  const recovery = full
    ? "The disk is full: free space on it and run the command again; what was written before is kept"
    : `Check the disk holding ${storeDir}; run the command again, and if it fails the same way, restore the newest backup (stratdeck restore)`;
  return new StateStoreError(
    "state-io-error",
    storeDir,
    `the state store failed (${code}): ${detail}`,
    recovery,
    newestBackup(dirname(storeDir)),
  );
}

/** The state folder cannot be written (read-only file system, no permission). */
export function stateUnwritable(stateDir: string, cause: string, readsTried = false): StateStoreError {
  const recovery = readsTried
    ? "Commands that only read (positions, history, trade-ideas) still work on a copy; to write, set STRATDECK_STATE_DIR to a folder you can write or make this one writable"
    : "Set STRATDECK_STATE_DIR to a folder you can write, or make this one writable";
  return new StateStoreError(
    "state-unwritable",
    stateDir,
    `the state folder is not writable (${cause})`,
    recovery,
  );
}
