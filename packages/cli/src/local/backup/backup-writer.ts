import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { dirname, join } from "node:path";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { exportLedger } from "@stratdeck/core/storage";
import type { TableNames } from "@stratdeck/core/storage";
import { BACKUP_DIR, backupFileName, listBackups, newestBackup } from "./backup-files";

/** Automatic backups kept in `<stateDir>/backups` (older ones are removed). */
export const BACKUPS_KEPT = 10;

/** Automatic backups are written at most this often, ms (1 hour). */
export const BACKUP_EVERY_MS = 3_600_000;

/** Writes `text` to `file` atomically: a temporary file in the same folder, fsync, rename, fsync of the folder. */
export function writeFileAtomic(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    const fd = openSync(tmp, "w", 0o600);
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
  const dir = openSync(dirname(file), "r");
  try {
    fsyncSync(dir);
  } finally {
    closeSync(dir);
  }
}

/** What a backup wrote. */
export interface BackupWritten {
  file: string;
  /** Items per table. */
  items: Record<string, number>;
  bytes: number;
}

/** Exports the ledger tables to `file` (atomically). `atMs`: ms since epoch, recorded in the file. */
export async function writeBackup(
  doc: DynamoDBDocumentClient,
  tables: TableNames,
  file: string,
  atMs: number,
): Promise<BackupWritten> {
  const backup = await exportLedger(doc, tables, atMs);
  writeFileAtomic(file, JSON.stringify(backup));
  const items = Object.fromEntries(Object.entries(backup.tables).map(([t, list]) => [t, list.length]));
  return { file, items, bytes: statSync(file).size };
}

/** Removes automatic backups beyond the newest {@link BACKUPS_KEPT}. */
export function pruneBackups(stateDir: string, keep = BACKUPS_KEPT): void {
  const all = listBackups(stateDir);
  for (const old of all.slice(0, Math.max(0, all.length - keep))) rmSync(old, { force: true });
}

/**
 * The scheduled backup: when the newest automatic backup in `<stateDir>/backups` is older than
 * `everyMs` (or there is none), exports the ledger there and keeps the newest {@link BACKUPS_KEPT}.
 * Returns what it wrote, or null when a recent one exists.
 */
export async function backupIfDue(
  doc: DynamoDBDocumentClient,
  tables: TableNames,
  stateDir: string,
  nowMs: number,
  everyMs = BACKUP_EVERY_MS,
): Promise<BackupWritten | null> {
  const newest = newestBackup(stateDir);
  if (newest && nowMs - statSync(newest).mtimeMs < everyMs) return null;
  const written = await writeBackup(doc, tables, join(stateDir, BACKUP_DIR, backupFileName(nowMs)), nowMs);
  pruneBackups(stateDir);
  return written;
}
