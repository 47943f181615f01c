import { join, resolve } from "node:path";
import type { Command } from "commander";
import { BACKUP_DIR, backupFileName } from "../local/backup/backup-files";
import { pruneBackups, writeBackup, type BackupWritten } from "../local/backup/backup-writer";
import { withLedgerTables } from "../local/backup/ledger-connection";
import { cliContext } from "../support/cli-context";
import { emit } from "../support/output";
import { action } from "../support/run";

/** `stratdeck backup [FILE]`: the ledger tables to one JSON file, written atomically. */
export function registerBackup(command: Command): void {
  command
    .argument("[file]", "backup file (default: a new file in <state folder>/backups)")
    .option("--json", "print one JSON document")
    .action(
      action(async (file: string | undefined, opts: { json?: boolean }) => {
        const written = await withLedgerTables("backup", cliContext().ephemeral, async (conn, config) => {
          const stateDir = resolve(config.stateDir);
          const target = file ? resolve(file) : join(stateDir, BACKUP_DIR, backupFileName(Date.now()));
          const w = await writeBackup(conn.doc, config.tables, target, Date.now());
          if (!file) pruneBackups(stateDir);
          return w;
        });
        emit(written, opts, human);
      }),
    );
}

function human(w: BackupWritten): string {
  const counts = Object.entries(w.items)
    .map(([t, n]) => `${t} ${n}`)
    .join(", ");
  return `backup written: ${w.file} (${counts}; ${w.bytes} bytes)\nrestore it with: stratdeck restore ${w.file}`;
}
