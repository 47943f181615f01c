import type { Deps } from "@stratdeck/core/wiring";
import { backupIfDue, BACKUP_EVERY_MS } from "./backup-writer";

/** One scheduled backup of the state folder's ledger, if due; a failure is logged, never thrown. */
export async function scheduledBackup(
  deps: Deps,
  stateDir: string,
  everyMs = BACKUP_EVERY_MS,
): Promise<void> {
  try {
    const written = await backupIfDue(deps.doc, deps.config.tables, stateDir, Date.now(), everyMs);
    if (written) deps.log.info("backup.written", { ...written });
  } catch (err) {
    deps.log.warn("backup.failed", {
      stateDir,
      error: err,
      detail: "the ledger backup could not be written",
    });
  }
}

/**
 * After a command that opened the state folder's store itself: the hourly backup, if due (a
 * command joining a stack leaves it to the stack; an ephemeral run has nothing to keep).
 */
export async function backupAfterRun(deps: Deps): Promise<void> {
  const { storage, stateDir } = deps.endpoints;
  if (storage === "embedded" && stateDir) await scheduledBackup(deps, stateDir);
}

/**
 * The stack's backup schedule: one at start when due, a check every `checkEveryMs` (default
 * 5 min) that writes one when the newest is an hour old, and one at stop. Returns the stopper,
 * which writes the final backup.
 */
export function startBackupSchedule(
  deps: Deps,
  stateDir: string,
  checkEveryMs = 300_000,
): () => Promise<void> {
  let running: Promise<void> = scheduledBackup(deps, stateDir);
  const timer = setInterval(() => {
    running = running.then(() => scheduledBackup(deps, stateDir));
  }, checkEveryMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
    await scheduledBackup(deps, stateDir, 0);
  };
}
