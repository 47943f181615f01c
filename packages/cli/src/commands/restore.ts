import { existsSync, readdirSync, readFileSync, renameSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Command } from "commander";
import { loadConfig } from "@stratdeck/core/config";
import { importLedger, parseLedgerBackup } from "@stratdeck/core/storage";
import { lockStateDir, readLocalStack } from "@stratdeck/core/wiring";
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

/** Moves the state folder's store aside (renamed with the time), under the folder's lock. */
async function moveStoreAside(stateDir: string): Promise<string | null> {
  if (readLocalStack(stateDir))
    throw new StackRefusedError(`a local stack runs on ${stateDir}: stop it before restoring`);
  const access = await lockStateDir(stateDir, { owner: "restore", joinStack: false });
  if (access.kind !== "owner") throw new StackRefusedError(`a local stack runs on ${stateDir}`);
  try {
    const store = join(stateDir, "dynamodb");
    if (!existsSync(store) || readdirSync(store).length === 0) return null;
    const aside = `${store}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
    renameSync(store, aside);
    return aside;
  } finally {
    access.release();
  }
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
        const { config } = loadConfig(process.env);
        const local = config.storage === "local" && !config.dynamoEndpoint;
        const movedAside = local ? await moveStoreAside(resolve(config.stateDir)) : null;
        const items = await withLedgerTables("restore", false, (conn, config) =>
          importLedger(conn.doc, config.tables, backup),
        );
        emit<Restored>({ file: path, items, movedAside }, opts, human);
      }),
    );
}

function human(r: Restored): string {
  const aside = r.movedAside ? `; the previous store was moved to ${r.movedAside}` : "";
  return `restored ${r.items} items from ${r.file}${aside}`;
}
