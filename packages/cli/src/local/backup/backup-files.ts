import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

/** Folder of the automatic ledger backups inside the state folder. */
export const BACKUP_DIR = "backups";

/** A backup file name sorts by the time it was written: `ledger-<ISO time, ':' → '-'>.json`. */
export const BACKUP_FILE = /^ledger-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d(?:-\d{3})?Z\.json$/;

/** The backup file name for `atMs` (ms since epoch). */
export function backupFileName(atMs: number): string {
  return `ledger-${new Date(atMs).toISOString().replace(/[:.]/g, "-")}.json`;
}

/** The backups in `<stateDir>/backups`, oldest first (absolute paths). */
export function listBackups(stateDir: string): string[] {
  const dir = join(stateDir, BACKUP_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => BACKUP_FILE.test(f))
    .sort()
    .map((f) => join(dir, f));
}

/** The newest automatic backup of the state folder, or null. */
export function newestBackup(stateDir: string): string | null {
  return listBackups(stateDir).at(-1) ?? null;
}
