import { existsSync, readdirSync, readFileSync, renameSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Command } from "commander";
import { importLedger, parseLedgerBackup } from "@stratdeck/core/storage";
import { withLedgerTables } from "../local/backup/ledger-connection";
import { StackRefusedError } from "../local/stack-errors";
import { emit } from "../support/output";
import { action, OptionError } from "../support/run";

interface Restored {
  file: string;
  items: number;
  /** Where the store that was there went (moved, never deleted); null when there was none. */
  movedAside: string | null;
}

/** Moves the state folder's store aside (renamed with the time); never deletes it. */
function moveStoreAside(stateDir: string): string | null {
  const store = join(stateDir, "dynamodb");
  if (!existsSync(store) || readdirSync(store).length === 0) return null;
  const aside = `${store}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
  renameSync(store, aside);
  return aside;
}

/** `stratdeck restore FILE`: a fresh store holding exactly the backup's ledger. */
export function registerRestore(command: Command): void {
  command
    .argument("<file>", "backup file written by stratdeck backup")
    .option("--json", "print one JSON document")
    .action(
      action(async (file: string, opts: { json?: boolean }) => {
        const path = resolve(file);
        if (!existsSync(path)) throw new OptionError(`backup file ${path} does not exist`);
        const backup = parseLedgerBackup(readFileSync(path, "utf8"), path);
        // One lock from moving the old store aside to the last imported item: no other command
        // can open the folder in between and write into (or create) the store being restored.
        let movedAside: string | null = null;
        const items = await withLedgerTables(
          "restore",
          false,
          (conn, config) => {
            if (conn.storage.kind === "stack")
              throw new StackRefusedError(
                `a local stack runs on ${conn.storage.stateDir}: stop it before restoring`,
              );
            return importLedger(conn.doc, config.tables, backup);
          },
          (stateDir) => {
            movedAside = moveStoreAside(stateDir);
          },
        );
        emit<Restored>({ file: path, items, movedAside }, opts, human);
      }),
    );
}

function human(r: Restored): string {
  const aside = r.movedAside ? `; the previous store was moved to ${r.movedAside}` : "";
  return `restored ${r.items} items from ${r.file}${aside}`;
}
